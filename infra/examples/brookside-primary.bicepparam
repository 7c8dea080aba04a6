// A second school, same templates: only this file differs. Deployed into its own resource group:
//   az group create --name rg-stw-brookside-test --location uksouth
//   az deployment group create --resource-group rg-stw-brookside-test --parameters infra/examples/brookside-primary.bicepparam
using '../main.bicep'

param schoolCode = 'brookside'
param environment = 'test'
param storageSkuName = 'Standard_ZRS'

param xAccountId = '9876543210987654321'
param xReplySettings = 'mentionedUsers'

param alertEmailAddresses = [
  'schooltwitter-oncall@council.example'
  'office@brookside.example'
]
param headTeacherContact = 'headteacher@brookside.example'

// The school as its X profile must name it and the website it must link to (checked weekly).
param schoolName = 'Brookside Primary School'
param schoolWebsite = 'https://www.brookside.example'
param schoolHandle = 'BrooksidePS'

param sltAppRole = 'SLT'
param sltGroupIds = [
  '11111111-2222-3333-4444-555555555555'
]
param onboardingAdminPrincipalIds = [
  '66666666-7777-8888-9999-000000000000'
]
param onboardingAdminPrincipalType = 'Group'

// App Service Authentication: the backend's app registration and the Power Automate flow's (docs/deploy.md step 2).
param authClientId = '6c5b4a39-2817-4f6e-9d5c-4b3a29180f7e'
param flowClientId = '1a2b3c4d-5e6f-4a8b-9c0d-e1f2a3b4c5d6'

// Brookside's follower scan and moderation run on the defaults; its rotation check runs every two hours.
param credentialRotationSchedule = '0 0 */2 * * *'

param tags = {
  'cost-centre': 'education-it'
  owner: 'brookside-office'
}
