// Example environment: Contoso's development bot on GitHub (App mode) and Azure DevOps (Entra mode, no PAT).
// No secret lives in this file: they are read from environment variables at deployment time (empty ones are skipped
// and can be set in the vault afterwards; see infra/README.md).
using 'main.bicep'

param environmentName = 'contoso-dev'
param tags = {
  owner: 'platform-team'
}

param digestSchedule = '0 0 7 * * Mon'
param sweepSchedule = '0 30 3 * * *'
param digestTimeZone = 'Europe/Amsterdam'

param enableGitHub = true
param gitHubAuth = 'App'
param gitHubAppId = '123456'
param gitHubRepositories = 'contoso/onboarding,contoso/billing'

param enableAzureDevOps = true
param azureDevOpsOrganizationUrl = 'https://dev.azure.com/contoso'
param azureDevOpsProject = 'Onboarding'
param azureDevOpsAuthMode = 'Entra'
param azureDevOpsAnatomyRepository = 'architecture'
param azureDevOpsAnatomyPath = '/anatomy.yml'

param digestGitHubRepository = 'contoso/architecture'

param gitHubWebhookSecret = readEnvironmentVariable('ANATOMYBOT_GITHUB_WEBHOOK_SECRET', '')
param gitHubPrivateKey = readEnvironmentVariable('ANATOMYBOT_GITHUB_PRIVATE_KEY', '')
param gitHubToken = readEnvironmentVariable('ANATOMYBOT_GITHUB_TOKEN', '')
param azureDevOpsWebhookSecret = readEnvironmentVariable('ANATOMYBOT_AZURE_DEVOPS_WEBHOOK_SECRET', '')
