metadata description = 'Key Vault for the X credentials: RBAC only, soft delete and purge protection on. Secrets are declared without values.'

@description('Required. Globally unique Key Vault name (3-24 letters, digits and hyphens).')
@minLength(3)
@maxLength(24)
param name string

@description('Required. Azure region for the vault.')
param location string

@description('Required. Tags applied to the vault and its secrets.')
param tags object

@description('Optional. Public network access. Disabled needs a private endpoint and VNet-integrated Function App, which this template does not create.')
@allowed([
  'Enabled'
  'Disabled'
])
param publicNetworkAccess string = 'Enabled'

@description('Optional. Days a deleted vault or secret stays recoverable (purge protection forbids purging it sooner).')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 90

@description('Required. Names of the secrets to declare. They are created once, disabled and empty; onboarding sets the real values as new versions.')
param secretNames string[]

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    enablePurgeProtection: true
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: publicNetworkAccess
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: publicNetworkAccess == 'Enabled' ? 'Allow' : 'Deny'
    }
  }
}

// Created only when absent, so a redeploy never replaces the credentials onboarding or rotation wrote.
// The placeholder version is empty and disabled: nothing can read it as a credential; `az keyvault secret set`
// adds an enabled version with the real value.
@onlyIfNotExists()
resource secrets 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = [
  for secretName in secretNames: {
    parent: vault
    name: secretName
    tags: tags
    properties: {
      contentType: 'text/plain'
      value: ''
      attributes: {
        enabled: false
      }
    }
  }
]

@description('Resource id of the vault.')
output resourceId string = vault.id

@description('Name of the vault.')
output name string = vault.name

@description('Vault URI (https://<name>.vault.<suffix>/), for KeyVault__Uri.')
output uri string = vault.properties.vaultUri
