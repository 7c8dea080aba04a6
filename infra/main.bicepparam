// One file per school. Copy this file (or examples/brookside-primary.bicepparam), fill in the school's values, and deploy:
//   az deployment group create --resource-group <rg> --parameters infra/<school>.bicepparam
// See docs/deploy.md for what each value is and where the council finds it. No secret belongs in this file.
using 'main.bicep'

param schoolCode = 'oakfield'
param environment = 'prod'

// The school's X account: the numeric user id (not the @handle).
param xAccountId = '1234567890123456789'

// Who hears about failed posts, poison messages and overdue rotation.
param alertEmailAddresses = [
  'schooltwitter-oncall@council.example'
  'safeguarding@oakfield.example'
]

// The head teacher, to whom an overdue credential rotation escalates.
param headTeacherContact = 'head@oakfield.example'

// The school as its X profile must name it and the website it must link to (checked weekly).
param schoolName = 'Oakfield Primary School'
param schoolWebsite = 'https://www.oakfield.example'
param schoolHandle = 'OakfieldPrimary'

// Entra group(s) whose members are SLT, and the council IT group that sets the X credentials in Key Vault.
param sltGroupIds = []
param onboardingAdminPrincipalIds = []

// App Service Authentication: the backend's app registration and the Power Automate flow's (docs/deploy.md step 2).
param authClientId = '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b'
param flowClientId = '9e8d7c6b-5a49-4382-b1f0-e9d8c7b6a594'

param tags = {
  'cost-centre': 'education-it'
}
