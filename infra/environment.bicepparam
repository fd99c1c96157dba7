// Every parameter from an environment variable, for deployments driven by an environment: `azd up` (azure.yaml points
// here; azd sets AZURE_ENV_NAME and passes the values of `azd env set NAME VALUE`) and .github/workflows/deploy.yml
// (repository variables and secrets). Resources go to the resource group's region. Unset variables take the defaults
// below; secrets left empty are not written and can be set in the vault afterwards (infra/README.md).
using 'main.bicep'

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME', 'anatomybot')

param enableGitHub = bool(readEnvironmentVariable('ANATOMYBOT_ENABLE_GITHUB', 'true'))
param gitHubAuth = readEnvironmentVariable('ANATOMYBOT_GITHUB_AUTH', 'App')
param gitHubAppId = readEnvironmentVariable('ANATOMYBOT_GITHUB_APP_ID', '')
param gitHubBaseUrl = readEnvironmentVariable('ANATOMYBOT_GITHUB_BASE_URL', 'https://api.github.com/')
param gitHubAnatomyPath = readEnvironmentVariable('ANATOMYBOT_GITHUB_ANATOMY_PATH', '.github/anatomy.yml')
param gitHubRepositories = readEnvironmentVariable('ANATOMYBOT_GITHUB_REPOSITORIES', '')

param enableAzureDevOps = bool(readEnvironmentVariable('ANATOMYBOT_ENABLE_AZURE_DEVOPS', 'false'))
param azureDevOpsOrganizationUrl = readEnvironmentVariable('ANATOMYBOT_AZURE_DEVOPS_ORGANIZATION_URL', '')
param azureDevOpsProject = readEnvironmentVariable('ANATOMYBOT_AZURE_DEVOPS_PROJECT', '')
param azureDevOpsAuthMode = readEnvironmentVariable('ANATOMYBOT_AZURE_DEVOPS_AUTH_MODE', 'Pat')
param azureDevOpsAnatomyRepository = readEnvironmentVariable('ANATOMYBOT_AZURE_DEVOPS_ANATOMY_REPOSITORY', '')
param azureDevOpsAnatomyPath = readEnvironmentVariable('ANATOMYBOT_AZURE_DEVOPS_ANATOMY_PATH', '/anatomy.yml')

param digestGitHubRepository = readEnvironmentVariable('ANATOMYBOT_DIGEST_GITHUB_REPOSITORY', '')
param digestAzureDevOpsWiki = readEnvironmentVariable('ANATOMYBOT_DIGEST_AZURE_DEVOPS_WIKI', '')

param gitHubWebhookSecret = readEnvironmentVariable('ANATOMYBOT_GITHUB_WEBHOOK_SECRET', '')
param gitHubPrivateKey = readEnvironmentVariable('ANATOMYBOT_GITHUB_PRIVATE_KEY', '')
param gitHubToken = readEnvironmentVariable('ANATOMYBOT_GITHUB_TOKEN', '')
param azureDevOpsWebhookSecret = readEnvironmentVariable('ANATOMYBOT_AZURE_DEVOPS_WEBHOOK_SECRET', '')
param azureDevOpsPersonalAccessToken = readEnvironmentVariable('ANATOMYBOT_AZURE_DEVOPS_PAT', '')
