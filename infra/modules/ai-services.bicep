metadata description = 'The optional second check: one Azure AI services account (Content Safety and Image Analysis from one endpoint), Entra only, and the app\'s identity as Cognitive Services User.'

@description('Required. Account name; also its custom subdomain (the endpoint https://<name>.cognitiveservices.azure.com/).')
param name string

@description('Required. Region of the account: pictures of pupils are processed here (docs/content-safety.md lists where each feature is offered).')
param location string

@description('Optional. Tags.')
param tags object = {}

@description('Optional. F0 (free: 5,000 text records and 5,000 images a month, one per subscription) or S0.')
@allowed([
  'F0'
  'S0'
])
param skuName string = 'S0'

@description('Required. Principal (object) id of the app\'s user-assigned identity.')
param principalId string

// Built-in role: Cognitive Services User (data actions only: call the APIs, no keys, no management).
var cognitiveServicesUserRoleId = 'a97b65f3-24c7-4388-baec-2e87135dc908'

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'AIServices'
  sku: {
    name: skuName
  }
  properties: {
    customSubDomainName: name
    // Keys disabled: only Entra tokens (the app's managed identity) are accepted.
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

resource cognitiveServicesUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, principalId, cognitiveServicesUserRoleId)
  scope: account
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', cognitiveServicesUserRoleId)
  }
}

output endpoint string = 'https://${name}.cognitiveservices.azure.com/'
