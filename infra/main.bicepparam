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

// Entra group(s) whose members are SLT, and the council IT group that sets the X credentials in Key Vault.
param sltGroupIds = []
param onboardingAdminPrincipalIds = []

param tags = {
  'cost-centre': 'education-it'
}
