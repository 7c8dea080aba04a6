metadata name = 'SchoolTwitter'
metadata description = 'Everything one school\'s SchoolTwitter backend needs, in one resource group: identity, storage, Key Vault, monitoring and alerts, the Function App and its role assignments.'

targetScope = 'resourceGroup'

// ---------------------------------------------------------------- naming

@description('Optional. Short lowercase prefix shared by the council\'s SchoolTwitter resources (letters only).')
@minLength(2)
@maxLength(6)
param namePrefix string = 'stw'

@description('Required. The school\'s short code, lowercase letters and digits (e.g. the DfE number or an abbreviation). Goes into every resource name.')
@minLength(2)
@maxLength(10)
param schoolCode string

@description('Optional. Environment: goes into names and tags.')
@allowed([
  'dev'
  'test'
  'prod'
])
param environment string = 'prod'

@description('Optional. Extra seed for the unique name suffix. Change it only to redeploy a school whose previous Key Vault is still soft-deleted under the old name (see docs/deploy.md).')
param nameSeed string = ''

@description('Optional. Azure region. Defaults to the resource group\'s.')
param location string = resourceGroup().location

@description('Optional. Extra tags (cost centre, owner) merged into the standard ones on every resource.')
param tags object = {}

// ---------------------------------------------------------------- platform

@description('Optional. Storage replication.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSkuName string = 'Standard_LRS'

@description('Optional. Key Vault public network access. Disabled needs private networking that this template does not create.')
@allowed([
  'Enabled'
  'Disabled'
])
param keyVaultPublicNetworkAccess string = 'Enabled'

@description('Required. E-mail addresses that receive the alerts (council IT on-call, the school\'s safeguarding lead).')
@minLength(1)
param alertEmailAddresses string[]

@description('Optional. Entra object ids of the council IT group (or users) who set the X credentials in Key Vault during onboarding.')
param onboardingAdminPrincipalIds string[] = []

@description('Optional. Whether onboardingAdminPrincipalIds are groups or users.')
@allowed([
  'User'
  'Group'
])
param onboardingAdminPrincipalType string = 'Group'

// ---------------------------------------------------------------- the second check (Azure AI, optional)

@description('Optional. Switch on the second check: an Azure AI services account reads each draft\'s text and pictures after the rules. Off: the rules alone decide.')
param enableSecondCheck bool = false

@description('Optional. Region of the Azure AI account (pictures of pupils are processed there). Must offer Content Safety, protected material detection and Image Analysis 4.0: see docs/content-safety.md.')
param aiServicesLocation string = location

@description('Optional. Azure AI pricing tier: F0 (free monthly allowance) or S0.')
@allowed([
  'F0'
  'S0'
])
param aiServicesSkuName string = 'S0'

// ---------------------------------------------------------------- the app's own settings

@description('Required. The school\'s X user id (numeric, not the @handle).')
param xAccountId string

@description('Optional. Base URL of the X API.')
param xApiBaseUrl string = 'https://api.x.com'

@description('Optional. Who may reply to the school\'s posts. The account itself never replies.')
@allowed([
  'following'
  'mentionedUsers'
  'subscribers'
  'verified'
])
param xReplySettings string = 'following'

@description('Optional. The App Service Authentication app role that marks an SLT member.')
param sltAppRole string = 'SLT'

@description('Optional. Entra group object ids whose members are SLT.')
param sltGroupIds string[] = []

// ---------------------------------------------------------------- App Service Authentication (who may call the app)

@description('Required. Client (application) id of the school backend\'s Entra app registration: App Service Authentication validates tokens for it and signs SLT in with it (docs/deploy.md step 2).')
param authClientId string

@description('Optional. Entra tenant id of the app registrations. Defaults to the deployment\'s tenant.')
param authTenantId string = tenant().tenantId

@description('Optional. Token audiences App Service Authentication accepts. Empty: the registration\'s client id and api://<client id>.')
param authAllowedAudiences string[] = []

@description('Required. Client (application) id of the Power Automate flow\'s own app registration, the only app that may name a submitter (with the Flow.Submit app role).')
param flowClientId string

@description('Required. E-mail of the head teacher, to whom an overdue credential rotation escalates.')
param headTeacherContact string

@description('Required. The school\'s name as the X profile must show it (weekly profile check, council policy 6.3; the follower review looks for impersonators of it).')
param schoolName string

@description('Required. The school\'s website, which the X profile must link to (council policy 6.5), e.g. https://www.oakfield.sch.uk.')
param schoolWebsite string

@description('Required. The school\'s own X handle without the @ (the follower review looks for accounts impersonating it).')
param schoolHandle string

@description('Optional. Other names the school goes by that also count in the profile. Empty: the name alone.')
param schoolNameVariants string[] = []

@description('Optional. NCRONTAB (UTC) for the follower scan timer: hourly on Mondays; the code decides the UK-time hour.')
param weeklyFollowerScanSchedule string = '0 0 * * * 1'

@description('Optional. UK day of the weekly follower scan.')
@allowed(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'])
param followerScanDay string = 'Monday'

@description('Optional. UK wall-clock time (HH:mm) of the weekly follower scan.')
param followerScanTime string = '07:00'

@description('Optional. How long one follower-scan invocation reads before handing over to a queued continuation (below the function timeout).')
param followerInvocationBudget string = '00:07:00'

@description('Optional. NCRONTAB for moderating mentions and replies.')
param inboundModerationSchedule string = '0 */15 * * * *'

@description('Optional. Days each audit log entry is kept unchangeable (time-based immutability on the audit-log container): six years by default.')
@minValue(1)
@maxValue(146000)
param auditRetentionDays int = 2192

@description('Optional. NCRONTAB (UTC) for the draft sweep: sends publish messages and approval requests a failure left unsent.')
param draftSweepSchedule string = '0 */10 * * * *'

@description('Optional. NCRONTAB (UTC) for the credential rotation check: hourly; the code decides the UK-time hour and the term dates.')
param credentialRotationSchedule string = '0 0 * * * *'

// ---------------------------------------------------------------- names

var abbreviations = {
  actionGroup: 'ag'
  alertRule: 'alert'
  appServicePlan: 'asp'
  applicationInsights: 'appi'
  functionApp: 'func'
  keyVault: 'kv'
  logAnalyticsWorkspace: 'log'
  managedIdentity: 'id'
  storageAccount: 'st'
}

var baseName = toLower('${namePrefix}-${schoolCode}-${environment}')
// Storage and Key Vault names are global, 24 characters at most: compact base (18) + unique suffix (6).
var compactBaseName = toLower(replace('${namePrefix}${schoolCode}${environment}', '-', ''))
var uniqueSuffix = take(uniqueString(resourceGroup().id, schoolCode, environment, nameSeed), 6)

var names = {
  identity: '${abbreviations.managedIdentity}-${baseName}'
  storageAccount: '${take('${abbreviations.storageAccount}${compactBaseName}', 18)}${uniqueSuffix}'
  keyVault: '${take('${abbreviations.keyVault}${compactBaseName}', 18)}${uniqueSuffix}'
  logAnalytics: '${abbreviations.logAnalyticsWorkspace}-${baseName}'
  appInsights: '${abbreviations.applicationInsights}-${baseName}'
  actionGroup: '${abbreviations.actionGroup}-${baseName}'
  alertPrefix: '${abbreviations.alertRule}-${baseName}'
  plan: '${abbreviations.appServicePlan}-${baseName}'
  functionApp: '${abbreviations.functionApp}-${baseName}-${uniqueSuffix}'
  aiServices: 'ai-${baseName}-${uniqueSuffix}'
}

var allTags = union(tags, {
  application: 'SchoolTwitter'
  school: schoolCode
  environment: environment
  'managed-by': 'bicep'
})

// ---------------------------------------------------------------- what the code uses (keep in step with the code)

// SecretNames.All: the X credentials. Declared empty; onboarding sets them, rotation adds versions.
var xCredentialSecretNames = [
  'x-consumer-key'
  'x-consumer-secret'
  'x-access-token'
  'x-access-token-secret'
]

// The Power Automate / Teams webhook URL carries its own signature, so it lives in Key Vault too and reaches the app
// as a Key Vault reference resolved by the app's identity.
var notificationWebhookSecretName = 'notifications-webhook-url'

// QueueNames, TableNames and BlobContainerNames in SchoolTwitter.Application.
var queueNames = [
  'drafts-to-check'
  'drafts-to-publish'
  'follower-scan-continuations'
  'drafts-to-check-poison'
  'drafts-to-publish-poison'
  'protection-takedowns'
  'protection-takedowns-poison'
]
var tableNames = [
  'Drafts'
  'Pupils'
  'AuditIndex'
  'SltMembers'
  'Followers'
  'FollowerCheckpoints'
  'FollowerReview'
  'ApprovedFollows'
  'Terms'
  'RotationCycles'
  'SecondCheckStatus'
  'PostRecords'
  'ProtectionCases'
]
var blobContainerNames = [
  'draft-media'
  'audit-log'
]
// BlobContainerNames.AuditLog: append blobs under a time-based immutability policy (modules/storage.bicep).
var auditContainerName = 'audit-log'

var deploymentContainerName = 'app-package'

// The log events the alert rules look for (EventId names, or customEvents names). Documented in docs/infrastructure.md.
var alertEvents = {
  publishFailed: [
    'DraftPublishFailed'
  ]
  publishNeedsReconciliation: [
    'DraftNeedsReconciliation'
  ]
  rotationOverdue: [
    'RotationCycleOverdue'
  ]
  poisonMessage: [
    'QueueMessagePoisoned'
  ]
  notificationFailed: [
    'DraftNotificationFailed'
  ]
  secondCheckDown: [
    'SecondCheckDown'
  ]
}

// Every app setting, in one object. The first block is the platform's; the second is every constant in SettingNames
// (src/SchoolTwitter.Infrastructure/Configuration), one entry each: add new settings there and here
// (tests/SchoolTwitter.Infra.Tests compares the two).
var storageEndpoints = {
  blob: 'https://${names.storageAccount}.blob.${az.environment().suffixes.storage}/'
  queue: 'https://${names.storageAccount}.queue.${az.environment().suffixes.storage}/'
  table: 'https://${names.storageAccount}.table.${az.environment().suffixes.storage}/'
}

var appSettings = {
  // SettingNames.StorageConnection, identity-based: no account key, no connection string.
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identity.outputs.clientId
  AzureWebJobsStorage__blobServiceUri: storageEndpoints.blob
  AzureWebJobsStorage__queueServiceUri: storageEndpoints.queue
  AzureWebJobsStorage__tableServiceUri: storageEndpoints.table
  // Telemetry: the connection string names the component; ingestion needs the identity's Entra token.
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsComponent.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${identity.outputs.clientId}'

  KeyVault__Uri: keyVault.outputs.uri
  X__BaseUrl: xApiBaseUrl
  X__AccountId: xAccountId
  X__ReplySettings: xReplySettings
  Slt__AppRole: sltAppRole
  Slt__GroupIds: join(sltGroupIds, ',')
  Slt__FlowClientId: flowClientId
  Notifications__WebhookUrl: '@Microsoft.KeyVault(VaultName=${names.keyVault};SecretName=${notificationWebhookSecretName})'
  WeeklyFollowerScanSchedule: weeklyFollowerScanSchedule
  InboundModerationSchedule: inboundModerationSchedule
  Followers__ScanDay: followerScanDay
  Followers__ScanTime: followerScanTime
  Followers__InvocationBudget: followerInvocationBudget
  CredentialRotationSchedule: credentialRotationSchedule
  DraftSweepSchedule: draftSweepSchedule
  Rotation__HeadTeacherContact: headTeacherContact
  School__Name: schoolName
  School__Website: schoolWebsite
  School__Handle: schoolHandle
  // Never empty (every setting is set): without variants the name itself is the only one.
  School__NameVariants: empty(schoolNameVariants) ? schoolName : join(schoolNameVariants, ';')
  // Empty: no second check (the code treats an empty endpoint as off).
  ContentSafety__Endpoint: enableSecondCheck ? 'https://${names.aiServices}.cognitiveservices.azure.com/' : ''
  // Largest picture in a reply or mention the second check downloads: Content Safety's own 4 MB limit.
  ContentSafety__InboundImageMaxBytes: '4194304'
}

// ---------------------------------------------------------------- modules

// Read after the monitoring module has created it, for the connection string (kept out of module outputs).
resource appInsightsComponent 'Microsoft.Insights/components@2020-02-02' existing = {
  name: names.appInsights
  dependsOn: [
    monitoring
  ]
}

module identity 'modules/identity.bicep' = {
  name: take('${deployment().name}-identity', 64)
  params: {
    name: names.identity
    location: location
    tags: allTags
  }
}

module storage 'modules/storage.bicep' = {
  name: take('${deployment().name}-storage', 64)
  params: {
    name: names.storageAccount
    location: location
    tags: allTags
    skuName: storageSkuName
    deploymentContainerName: deploymentContainerName
    blobContainerNames: blobContainerNames
    auditContainerName: auditContainerName
    auditRetentionDays: auditRetentionDays
    queueNames: queueNames
    tableNames: tableNames
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: take('${deployment().name}-key-vault', 64)
  params: {
    name: names.keyVault
    location: location
    tags: allTags
    publicNetworkAccess: keyVaultPublicNetworkAccess
    secretNames: concat(xCredentialSecretNames, [notificationWebhookSecretName])
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: take('${deployment().name}-monitoring', 64)
  params: {
    logAnalyticsName: names.logAnalytics
    appInsightsName: names.appInsights
    actionGroupName: names.actionGroup
    actionGroupShortName: take('${namePrefix}-${schoolCode}', 12)
    alertNamePrefix: names.alertPrefix
    location: location
    tags: allTags
    alertEmailAddresses: alertEmailAddresses
    alertEvents: alertEvents
  }
}

module rbac 'modules/rbac.bicep' = {
  name: take('${deployment().name}-rbac', 64)
  params: {
    // Runtime on purpose: role assignment names include the principal id, so a re-created identity gets new
    // assignments instead of failing on the old ones (What-If cannot predict those names; the deployment can).
    #disable-next-line what-if-short-circuiting
    principalId: identity.outputs.principalId
    storageAccountName: names.storageAccount
    keyVaultName: names.keyVault
    appInsightsName: names.appInsights
    onboardingAdminPrincipalIds: onboardingAdminPrincipalIds
    onboardingAdminPrincipalType: onboardingAdminPrincipalType
  }
  dependsOn: [
    storage
    keyVault
    monitoring
  ]
}

module aiServices 'modules/ai-services.bicep' = if (enableSecondCheck) {
  name: take('${deployment().name}-ai-services', 64)
  params: {
    name: names.aiServices
    location: aiServicesLocation
    tags: allTags
    skuName: aiServicesSkuName
    #disable-next-line what-if-short-circuiting
    principalId: identity.outputs.principalId
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: take('${deployment().name}-function-app', 64)
  params: {
    planName: names.plan
    name: names.functionApp
    location: location
    tags: allTags
    identityResourceId: identity.outputs.resourceId
    deploymentContainerUrl: '${storageEndpoints.blob}${deploymentContainerName}'
    appSettings: appSettings
    authClientId: authClientId
    authOpenIdIssuer: '${az.environment().authentication.loginEndpoint}${authTenantId}/v2.0'
    authAllowedAudiences: empty(authAllowedAudiences) ? [authClientId, 'api://${authClientId}'] : authAllowedAudiences
  }
  // The app must not start before its identity can reach storage, Key Vault and Application Insights
  // (rbac itself waits for storage, Key Vault and monitoring).
  dependsOn: [
    rbac
    aiServices
  ]
}

// ---------------------------------------------------------------- outputs (names and addresses only; never a secret)

@description('Name of the Function App.')
output functionAppName string = functionApp.outputs.name

@description('Host name of the Function App (for the Power Automate flow and App Service Authentication).')
output functionAppHostName string = functionApp.outputs.defaultHostName

@description('Name of the Key Vault holding the X credentials.')
output keyVaultName string = keyVault.outputs.name

@description('Name of the storage account (deployment container: app-package).')
output storageAccountName string = storage.outputs.name

@description('Name of the Application Insights component.')
output appInsightsName string = monitoring.outputs.appInsightsName

@description('Client id of the app\'s managed identity.')
output identityClientId string = identity.outputs.clientId
