metadata description = 'The user-assigned managed identity the Function App runs as: storage, Key Vault and telemetry all trust it, never a key.'

@description('Required. Name of the user-assigned managed identity.')
param name string

@description('Required. Azure region for the identity.')
param location string

@description('Required. Tags applied to the identity.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id of the identity.')
output resourceId string = identity.id

@description('Principal (object) id of the identity, for role assignments.')
output principalId string = identity.properties.principalId

@description('Client id of the identity, for AzureWebJobsStorage__clientId and Application Insights authentication.')
output clientId string = identity.properties.clientId

@description('Name of the identity.')
output name string = identity.name
