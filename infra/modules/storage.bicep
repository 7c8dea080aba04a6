metadata description = 'Storage for the app: queues, tables, blobs and the Flex Consumption deployment container. Entra ID only: shared keys are off.'

@description('Required. Globally unique storage account name (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Required. Azure region for the storage account.')
param location string

@description('Required. Tags applied to the storage account.')
param tags object

@description('Optional. Replication: ZRS survives a zone outage where the region has zones.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param skuName string = 'Standard_LRS'

@description('Required. Name of the blob container the Function App deployment package is published to.')
param deploymentContainerName string

@description('Required. Blob containers the app uses (BlobContainerNames in code).')
param blobContainerNames string[]

@description('Required. Queues the app uses (QueueNames in code). Poison queues are created by the Functions host.')
param queueNames string[]

@description('Required. Tables the app uses (TableNames in code).')
param tableNames string[]

@description('Required. The audit log container (one of blobContainerNames): append blobs nobody may overwrite or delete.')
param auditContainerName string

@description('Required. Days each audit blob stays unchangeable after it is created.')
@minValue(1)
@maxValue(146000)
param auditRetentionDays int

@description('Optional. Days a deleted blob or container can be restored.')
@minValue(1)
@maxValue(365)
param softDeleteRetentionDays int = 14

resource storageAccount 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
    encryption: {
      keySource: 'Microsoft.Storage'
      requireInfrastructureEncryption: true
      services: {
        blob: { enabled: true, keyType: 'Account' }
        file: { enabled: true, keyType: 'Account' }
        queue: { enabled: true, keyType: 'Account' }
        table: { enabled: true, keyType: 'Account' }
      }
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: storageAccount
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: softDeleteRetentionDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: softDeleteRetentionDays
    }
  }
}

var containerNames = union([deploymentContainerName], blobContainerNames)

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = [
  for containerName in containerNames: {
    parent: blobService
    name: containerName
    properties: {
      publicAccess: 'None'
    }
  }
]

// Time-based retention on the audit log: the storage service refuses to overwrite or delete a blob for auditRetentionDays
// after it was created, whatever role asks; appending to an append blob stays allowed (allowProtectedAppendWrites).
// Lock the policy once the deployment is verified (docs/deploy.md): a locked policy can no longer be removed or shortened.
resource auditRetention 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2024-01-01' = {
  parent: containers[indexOf(containerNames, auditContainerName)]
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: auditRetentionDays
    allowProtectedAppendWrites: true
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2024-01-01' = {
  parent: storageAccount
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2024-01-01' = [
  for queueName in queueNames: {
    parent: queueService
    name: queueName
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2024-01-01' = {
  parent: storageAccount
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2024-01-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

@description('Resource id of the storage account.')
output resourceId string = storageAccount.id

@description('Name of the storage account.')
output name string = storageAccount.name

@description('Blob service endpoint (https://<account>.blob.<suffix>/).')
output blobEndpoint string = storageAccount.properties.primaryEndpoints.blob

@description('Queue service endpoint.')
output queueEndpoint string = storageAccount.properties.primaryEndpoints.queue

@description('Table service endpoint.')
output tableEndpoint string = storageAccount.properties.primaryEndpoints.table

@description('Name of the deployment package container.')
output deploymentContainerName string = deploymentContainerName
