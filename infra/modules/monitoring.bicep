metadata description = 'Log Analytics, workspace-based Application Insights (Entra ID ingestion only) and the alert rules that call a person.'

@description('Required. Name of the Log Analytics workspace.')
param logAnalyticsName string

@description('Required. Name of the Application Insights component.')
param appInsightsName string

@description('Required. Name of the action group the alerts notify.')
param actionGroupName string

@description('Required. Prefix for the alert rule names.')
param alertNamePrefix string

@description('Required. Action group short name shown in alert e-mails and texts (at most 12 characters).')
@maxLength(12)
param actionGroupShortName string

@description('Required. Azure region for the workspace, component and alert rules.')
param location string

@description('Required. Tags applied to every monitoring resource.')
param tags object

@description('Optional. Days Log Analytics keeps data.')
@minValue(30)
@maxValue(730)
param retentionInDays int = 90

@description('Required. E-mail addresses the alerts go to (council IT on-call, the school\'s safeguarding lead).')
@minLength(1)
param alertEmailAddresses string[]

@description('Required. Names of the app\'s log events the alerts look for (EventId names or customEvents names). See docs/infrastructure.md.')
param alertEvents {
  @description('Required. Events logged when a draft could not be published.')
  publishFailed: string[]
  @description('Required. Events logged when X may or may not have taken a post and a person must reconcile.')
  publishNeedsReconciliation: string[]
  @description('Required. Events logged when the termly credential rotation is overdue.')
  rotationOverdue: string[]
  @description('Required. Events the app logs itself when it gives up on a queue message.')
  poisonMessage: string[]
  @description('Required. Events logged when SLT could not be told a draft needs them (an approval, a post to check).')
  notificationFailed: string[]
  @description('Required. Events logged when the Azure AI second check stops answering (every draft then waits for SLT approval).')
  secondCheckDown: string[]
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    features: {
      disableLocalAuth: true
    }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    // Ingestion needs an Entra token (Monitoring Metrics Publisher); the instrumentation key alone is not enough.
    DisableLocalAuth: true
    IngestionMode: 'LogAnalytics'
    publicNetworkAccessForIngestion: 'Enabled'
    publicNetworkAccessForQuery: 'Enabled'
  }
}

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: actionGroupName
  location: 'global'
  tags: tags
  properties: {
    groupShortName: actionGroupShortName
    enabled: true
    emailReceivers: [
      for (address, i) in alertEmailAddresses: {
        name: 'email-${i}'
        emailAddress: address
        useCommonAlertSchema: true
      }
    ]
  }
}

// App events arrive as traces (ILogger with an EventId name, IncludeEventId on) or as customEvents (TrackEvent).
var eventQuery = 'union isfuzzy=true (customEvents | project timestamp, event = name), (traces | project timestamp, event = tostring(customDimensions.EventName))'

// The Functions host logs "Moving message to queue '<queue>-poison'" when a message reaches maxDequeueCount.
var poisonQuery = 'union isfuzzy=true (traces | where message contains "Moving message to queue" and message has "poison" | project timestamp), (${eventQuery} | where event in (${eventList(alertEvents.poisonMessage)}) | project timestamp)'

func eventList(names string[]) string => join(map(names, n => '"${n}"'), ', ')

var rules = [
  {
    key: 'poison-queue'
    displayName: 'SchoolTwitter: queue message moved to a poison queue'
    description: 'A draft or job failed every retry and sits in a poison queue: nothing more happens to it until a person looks.'
    severity: 1
    query: poisonQuery
    frequency: 'PT5M'
    window: 'PT5M'
  }
  {
    key: 'publish-failed'
    displayName: 'SchoolTwitter: a draft failed to publish, needs reconciliation, or SLT could not be told'
    description: 'A checked draft was not posted, X may have posted it without confirming, or the notification asking SLT to act did not reach them: SLT must check before anything is retried.'
    severity: 1
    query: '${eventQuery} | where event in (${eventList(concat(alertEvents.publishFailed, alertEvents.publishNeedsReconciliation, alertEvents.notificationFailed))})'
    frequency: 'PT5M'
    window: 'PT5M'
  }
  {
    key: 'rotation-overdue'
    displayName: 'SchoolTwitter: termly credential rotation is overdue'
    description: 'The X account credentials have not been rotated this term (code of conduct: password changes every term).'
    severity: 2
    query: '${eventQuery} | where event in (${eventList(alertEvents.rotationOverdue)})'
    frequency: 'PT1H'
    window: 'PT1H'
  }
  {
    key: 'second-check-down'
    displayName: 'SchoolTwitter: the Azure AI second check is not answering'
    description: 'The Azure AI second check did not answer (an outage, a role assignment removed, a quota reached): nothing is posted unchecked, but every draft waits for an SLT member\'s approval until it answers again.'
    severity: 2
    query: '${eventQuery} | where event in (${eventList(alertEvents.secondCheckDown)})'
    frequency: 'PT15M'
    window: 'PT15M'
  }
]

resource alertRules 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [
  for rule in rules: {
    name: '${alertNamePrefix}-${rule.key}'
    location: location
    tags: tags
    kind: 'LogAlert'
    properties: {
      displayName: rule.displayName
      description: rule.description
      severity: rule.severity
      enabled: true
      scopes: [
        appInsights.id
      ]
      evaluationFrequency: rule.frequency
      windowSize: rule.window
      // One e-mail a day per rule while the condition holds, not one per evaluation.
      muteActionsDuration: 'P1D'
      autoMitigate: false
      criteria: {
        allOf: [
          {
            query: rule.query
            timeAggregation: 'Count'
            operator: 'GreaterThan'
            threshold: 0
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      actions: {
        actionGroups: [
          actionGroup.id
        ]
      }
    }
  }
]

@description('Resource id of the Application Insights component (scope of Monitoring Metrics Publisher).')
output appInsightsResourceId string = appInsights.id

@description('Name of the Application Insights component.')
output appInsightsName string = appInsights.name

@description('Resource id of the Log Analytics workspace.')
output workspaceResourceId string = workspace.id
