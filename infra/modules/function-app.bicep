metadata description = 'The Function App on Flex Consumption (FC1, Linux, dotnet-isolated 10.0), running as the user-assigned identity with identity-based storage.'

@description('Required. Name of the Flex Consumption plan.')
param planName string

@description('Required. Globally unique name of the Function App (its host name).')
param name string

@description('Required. Azure region for the plan and the app.')
param location string

@description('Required. Tags applied to the plan and the app.')
param tags object

@description('Required. Resource id of the user-assigned managed identity the app runs as.')
param identityResourceId string

@description('Required. URL of the blob container the deployment package is published to (https://<account>.blob.<suffix>/<container>).')
param deploymentContainerUrl string

@description('Required. Every app setting: the platform\'s (AzureWebJobsStorage__*, APPLICATIONINSIGHTS_*) and the code\'s (SettingNames). Built in main.bicep.')
param appSettings object

@description('Required. Client id of the backend\'s Entra app registration (App Service Authentication).')
param authClientId string

@description('Required. OpenID issuer of the tenant: <login endpoint><tenant id>/v2.0.')
param authOpenIdIssuer string

@description('Required. Token audiences App Service Authentication accepts.')
@minLength(1)
param authAllowedAudiences string[]

@description('Optional. Memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Optional. Most instances Flex Consumption may scale out to. Low on purpose: one school\'s traffic is small and X rate limits are per account.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 10

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityResourceId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientCertEnabled: false
    keyVaultReferenceIdentity: identityResourceId
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: map(items(appSettings), setting => {
        name: setting.key
        value: setting.value
      })
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityResourceId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// App Service Authentication (Easy Auth) with Microsoft Entra ID, on from the first deployment: every request needs a
// valid token for the backend's registration (SLT signed in, or the flow's own app token) or gets 401 before the code
// runs. Only then does the platform set WEBSITE_AUTH_ENABLED=True and strip client-sent X-MS-CLIENT-PRINCIPAL headers,
// which is when the code believes them (HttpAccessMiddleware refuses every SLT action otherwise).
resource authentication 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: functionApp
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'Return401'
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: authClientId
          openIdIssuer: authOpenIdIssuer
        }
        validation: {
          allowedAudiences: authAllowedAudiences
        }
      }
    }
    login: {
      // Sessions live in the sign-in cookie; Flex Consumption has no file system for a token store.
      tokenStore: {
        enabled: false
      }
    }
  }
}

// Basic (user name + password) publishing off for both FTP and the SCM site: deploy with Entra ID only.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: functionApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

@description('Resource id of the Function App.')
output resourceId string = functionApp.id

@description('Name of the Function App.')
output name string = functionApp.name

@description('Default host name of the Function App.')
output defaultHostName string = functionApp.properties.defaultHostName
