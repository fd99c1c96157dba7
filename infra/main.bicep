// AnatomyBot in production: the Functions app (Flex Consumption, isolated .NET 10 worker), its storage account
// (AzureWebJobsStorage: queue anatomybot-deliveries + -poison, ledger tables), Application Insights on Log Analytics,
// and a Key Vault with the secrets, read by the app's system-assigned identity through Key Vault references. The vault
// and the storage account refuse public networks (unless allowedIpRanges names some); the app reaches them through
// private endpoints in a virtual network it is integrated into.
// App settings are the configuration keys (docs/hosting.md) with ':' written '__' (Digest:Schedule -> Digest__Schedule).
// Deploy: az deployment group create -g RG -f infra/main.bicep -p infra/main.bicepparam (see infra/README.md).

targetScope = 'resourceGroup'

@description('Azure region for every resource (must offer the Flex Consumption plan).')
param location string = resourceGroup().location

@description('Short environment name used in resource names, e.g. contoso-dev.')
@minLength(3)
@maxLength(16)
param environmentName string

@description('Tags for every resource.')
param tags object = {}

// ---- Pipeline and timers (docs/hosting.md) -------------------------------------------------------------------------

@description('Digest:Schedule: six-field CRON of the weekly digest timer.')
param digestSchedule string = '0 0 7 * * Mon'

@description('Sweep:Schedule: six-field CRON of the nightly reconcile sweep.')
param sweepSchedule string = '0 30 3 * * *'

@description('Digest:TimeZone: IANA time zone whose Mondays start the digest weeks.')
param digestTimeZone string = 'UTC'

@description('Digest:AnatomyPath: the anatomy file the digest reads, relative to the deployed app.')
param digestAnatomyPath string = 'anatomy.yml'

@description('Pipeline:MaxAttempts: attempts before a delivery is parked as poison (1-100).')
@minValue(1)
@maxValue(100)
param pipelineMaxAttempts int = 5

// ---- GitHub channel (docs/github.md) -------------------------------------------------------------------------------

@description('Register the GitHub channel (a GitHub section in the configuration).')
param enableGitHub bool = true

@description('App: GitHub App id + private key (github-private-key secret). Token: a token (github-token secret).')
@allowed([
  'App'
  'Token'
])
param gitHubAuth string = 'App'

@description('GitHub:AppId, the numeric GitHub App id (App mode).')
param gitHubAppId string = ''

@description('GitHub:BaseUrl: https://api.github.com/ or https://HOST/api/v3/ for GitHub Enterprise Server.')
param gitHubBaseUrl string = 'https://api.github.com/'

@description('GitHub:AnatomyPath: where the anatomy lives in each repository.')
param gitHubAnatomyPath string = '.github/anatomy.yml'

@description('GitHub:Repositories: comma-separated owner/name list the nightly sweep lists open items of (App mode adds every installed repository).')
param gitHubRepositories string = ''

// ---- Azure DevOps channel (docs/azure-devops.md) -------------------------------------------------------------------

@description('Register the Azure DevOps channel (an AzureDevOps section in the configuration).')
param enableAzureDevOps bool = false

@description('AzureDevOps:OrganizationUrl, e.g. https://dev.azure.com/contoso.')
param azureDevOpsOrganizationUrl string = ''

@description('AzureDevOps:Project, the boards project.')
param azureDevOpsProject string = ''

@description('AzureDevOps:Projects, the boards projects when there are several (instead of azureDevOpsProject); all read the same anatomy.')
param azureDevOpsProjects array = []

@description('AzureDevOps:AuthMode. Pat: azure-devops-pat secret. Entra: the app\'s managed identity (add it to the organisation).')
@allowed([
  'Pat'
  'Entra'
])
param azureDevOpsAuthMode string = 'Pat'

@description('AzureDevOps:BotIdentityId: the identity id (a GUID) the bot\'s Azure DevOps credential acts as, so that it knows its own comments from the start (empty: learned from its first status).')
param azureDevOpsBotIdentityId string = ''

@description('AzureDevOps:WebhookSecretHeader: header carrying the service-hook secret instead of basic auth (empty: basic auth).')
param azureDevOpsWebhookHeader string = ''

@description('AzureDevOps:Anatomy:Repository: the Azure Repos repository holding anatomy.yml.')
param azureDevOpsAnatomyRepository string = ''

@description('AzureDevOps:Anatomy:GitHub:Repository: instead of an Azure Repos repository, a GitHub owner/name holding anatomy.yml (read with the github-token secret when set).')
param azureDevOpsAnatomyGitHubRepository string = ''

@description('The GitHub anatomy repository is private: read it with the github-token secret (AzureDevOps:Anatomy:GitHub:Token).')
param azureDevOpsAnatomyGitHubPrivate bool = false

@description('AzureDevOps:Anatomy:Path: the anatomy file in that repository.')
param azureDevOpsAnatomyPath string = '/anatomy.yml'

// ---- Weekly digest sinks (docs/digest.md) --------------------------------------------------------------------------

@description('Digest:GitHub:Repository: owner/repo that receives the weekly digest issue (empty: no GitHub digest). Uses the github-token secret.')
param digestGitHubRepository string = ''

@description('Digest:AzureDevOps:Wiki: wiki (id or name) that receives the weekly digest page (empty: no wiki digest). Uses the Azure DevOps organisation, project and PAT.')
param digestAzureDevOpsWiki string = ''

// ---- Scale ---------------------------------------------------------------------------------------------------------

@description('Most Flex Consumption instances.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per instance (MB).')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

// ---- Network -------------------------------------------------------------------------------------------------------

@description('Public IPv4 addresses or CIDR ranges allowed to reach the Key Vault and the storage account besides their private endpoints (operators, a build agent). Empty (the default): both refuse every public network.')
param allowedIpRanges array = []

@description('Address space of the virtual network holding the app\'s subnet and the private endpoints.')
param virtualNetworkAddressPrefix string = '10.40.0.0/16'

@description('Subnet the Functions app is integrated into (at least /27).')
param appSubnetPrefix string = '10.40.0.0/24'

@description('Subnet holding the private endpoints of the Key Vault and the storage account.')
param privateEndpointSubnetPrefix string = '10.40.1.0/24'

// ---- Secrets (never in a parameters file: pass them on the command line or from the environment, or set them in the
// vault afterwards; empty ones are not written) ------------------------------------------------------------------------

@secure()
@description('GitHub:WebhookSecret.')
param gitHubWebhookSecret string = ''

@secure()
@description('GitHub:PrivateKey (PEM) of the GitHub App.')
param gitHubPrivateKey string = ''

@secure()
@description('GitHub:Token (Token mode), also used by the GitHub digest sink.')
param gitHubToken string = ''

@secure()
@description('AzureDevOps:WebhookSecret.')
param azureDevOpsWebhookSecret string = ''

@secure()
@description('AzureDevOps:PersonalAccessToken (Pat mode), also used by the wiki digest sink.')
param azureDevOpsPersonalAccessToken string = ''

// ---- Names ---------------------------------------------------------------------------------------------------------

var suffix = uniqueString(resourceGroup().id, environmentName)
var baseName = 'anatomybot-${environmentName}'
var storageName = take('stab${replace(environmentName, '-', '')}${suffix}', 24)
var vaultName = take('kv-ab-${environmentName}-${suffix}', 24)
var functionAppName = 'func-${baseName}-${take(suffix, 6)}'
var queueName = 'anatomybot-deliveries'
var tablePrefix = 'anatomybot'
var allTags = union(tags, { application: 'anatomybot', environment: environmentName })

var secretNames = {
  gitHubWebhookSecret: 'github-webhook-secret'
  gitHubPrivateKey: 'github-private-key'
  gitHubToken: 'github-token'
  azureDevOpsWebhookSecret: 'azure-devops-webhook-secret'
  azureDevOpsPersonalAccessToken: 'azure-devops-pat'
}

// Versionless secret URIs: a rotated secret is picked up without a redeployment.
var vaultUri = 'https://${vaultName}${environment().suffixes.keyvaultDns}/'
var kv = {
  gitHubWebhookSecret: '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${secretNames.gitHubWebhookSecret}/)'
  gitHubPrivateKey: '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${secretNames.gitHubPrivateKey}/)'
  gitHubToken: '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${secretNames.gitHubToken}/)'
  azureDevOpsWebhookSecret: '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${secretNames.azureDevOpsWebhookSecret}/)'
  azureDevOpsPersonalAccessToken: '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${secretNames.azureDevOpsPersonalAccessToken}/)'
}

// ---- App settings: docs/hosting.md keys, ':' written '__' -----------------------------------------------------------

var storageSuffix = environment().suffixes.storage
var coreSettings = [
  // Identity-based AzureWebJobsStorage: the host, the queue trigger, the scheduler and the Table Storage ledgers all
  // use the managed identity (the account allows no shared key).
  { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
  { name: 'AzureWebJobsStorage__blobServiceUri', value: 'https://${storageName}.blob.${storageSuffix}' }
  { name: 'AzureWebJobsStorage__queueServiceUri', value: 'https://${storageName}.queue.${storageSuffix}' }
  { name: 'AzureWebJobsStorage__tableServiceUri', value: 'https://${storageName}.table.${storageSuffix}' }
  { name: 'Digest__Schedule', value: digestSchedule }
  { name: 'Sweep__Schedule', value: sweepSchedule }
  { name: 'Digest__AnatomyPath', value: digestAnatomyPath }
  { name: 'Digest__TimeZone', value: digestTimeZone }
  { name: 'Pipeline__MaxAttempts', value: string(pipelineMaxAttempts) }
]

var gitHubSettings = concat(
  [
    { name: 'GitHub__WebhookSecret', value: kv.gitHubWebhookSecret }
    { name: 'GitHub__BaseUrl', value: gitHubBaseUrl }
    { name: 'GitHub__AnatomyPath', value: gitHubAnatomyPath }
    { name: 'GitHub__Repositories', value: gitHubRepositories }
  ],
  gitHubAuth == 'App'
    ? [
        { name: 'GitHub__AppId', value: gitHubAppId }
        { name: 'GitHub__PrivateKey', value: kv.gitHubPrivateKey }
      ]
    : [
        { name: 'GitHub__Token', value: kv.gitHubToken }
      ]
)

var azureDevOpsSettings = concat(
  [
    { name: 'AzureDevOps__WebhookSecret', value: kv.azureDevOpsWebhookSecret }
    { name: 'AzureDevOps__OrganizationUrl', value: azureDevOpsOrganizationUrl }
    { name: 'AzureDevOps__AuthMode', value: azureDevOpsAuthMode }
    { name: 'AzureDevOps__Anatomy__Path', value: azureDevOpsAnatomyPath }
  ],
  empty(azureDevOpsProjects)
    ? [{ name: 'AzureDevOps__Project', value: azureDevOpsProject }]
    : map(range(0, length(azureDevOpsProjects)), i => { name: 'AzureDevOps__Projects__${i}', value: azureDevOpsProjects[i] }),
  empty(azureDevOpsAnatomyGitHubRepository)
    ? [{ name: 'AzureDevOps__Anatomy__Repository', value: azureDevOpsAnatomyRepository }]
    : concat(
        [
          { name: 'AzureDevOps__Anatomy__GitHub__Repository', value: azureDevOpsAnatomyGitHubRepository }
          { name: 'AzureDevOps__Anatomy__GitHub__BaseUrl', value: gitHubBaseUrl }
        ],
        azureDevOpsAnatomyGitHubPrivate ? [{ name: 'AzureDevOps__Anatomy__GitHub__Token', value: kv.gitHubToken }] : []
      ),
  azureDevOpsAuthMode == 'Pat' ? [{ name: 'AzureDevOps__PersonalAccessToken', value: kv.azureDevOpsPersonalAccessToken }] : [],
  empty(azureDevOpsWebhookHeader) ? [] : [{ name: 'AzureDevOps__WebhookSecretHeader', value: azureDevOpsWebhookHeader }],
  empty(azureDevOpsBotIdentityId) ? [] : [{ name: 'AzureDevOps__BotIdentityId', value: azureDevOpsBotIdentityId }]
)

var digestSinkSettings = concat(
  empty(digestGitHubRepository)
    ? []
    : [
        { name: 'Digest__GitHub__Repository', value: digestGitHubRepository }
        { name: 'Digest__GitHub__ApiBaseUrl', value: gitHubBaseUrl }
        { name: 'Digest__GitHub__Token', value: kv.gitHubToken }
      ],
  empty(digestAzureDevOpsWiki)
    ? []
    : concat(
        [
          { name: 'Digest__AzureDevOps__OrganizationUrl', value: azureDevOpsOrganizationUrl }
          { name: 'Digest__AzureDevOps__Project', value: first(concat(azureDevOpsProjects, [azureDevOpsProject])) }
          { name: 'Digest__AzureDevOps__Wiki', value: digestAzureDevOpsWiki }
        ],
        azureDevOpsAuthMode == 'Pat' ? [{ name: 'Digest__AzureDevOps__Pat', value: kv.azureDevOpsPersonalAccessToken }] : []
      )
)

var appSettings = concat(
  coreSettings,
  enableGitHub ? gitHubSettings : [],
  enableAzureDevOps ? azureDevOpsSettings : [],
  digestSinkSettings
)

// ---- Resources -----------------------------------------------------------------------------------------------------

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    baseName: baseName
    retentionInDays: logRetentionInDays
    tags: allTags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    name: storageName
    queueName: queueName
    tablePrefix: tablePrefix
    deploymentContainerName: 'app-package'
    allowedIpRanges: allowedIpRanges
    tags: allTags
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    name: vaultName
    secretNames: map(items(secretNames), entry => entry.value)
    secrets: {
      '${secretNames.gitHubWebhookSecret}': gitHubWebhookSecret
      '${secretNames.gitHubPrivateKey}': gitHubPrivateKey
      '${secretNames.gitHubToken}': gitHubToken
      '${secretNames.azureDevOpsWebhookSecret}': azureDevOpsWebhookSecret
      '${secretNames.azureDevOpsPersonalAccessToken}': azureDevOpsPersonalAccessToken
    }
    allowedIpRanges: allowedIpRanges
    tags: allTags
  }
}

module network 'modules/network.bicep' = {
  name: 'network'
  params: {
    location: location
    baseName: baseName
    addressPrefix: virtualNetworkAddressPrefix
    appSubnetPrefix: appSubnetPrefix
    endpointSubnetPrefix: privateEndpointSubnetPrefix
    keyVaultId: vault.outputs.id
    storageAccountId: storage.outputs.id
    tags: allTags
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    location: location
    name: functionAppName
    baseName: baseName
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    insightsConnectionString: monitoring.outputs.connectionString
    appSettings: appSettings
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    subnetId: network.outputs.appSubnetId
    tags: allTags
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    principalId: functionApp.outputs.principalId
    storageAccountName: storage.outputs.name
    keyVaultName: vault.outputs.name
    insightsName: monitoring.outputs.insightsName
  }
}

output functionAppName string = functionApp.outputs.name
output gitHubWebhookUrl string = 'https://${functionApp.outputs.defaultHostName}/api/github/webhooks'
output azureDevOpsWebhookUrl string = 'https://${functionApp.outputs.defaultHostName}/api/azure-devops/webhooks'
output keyVaultName string = vault.outputs.name
output storageAccountName string = storage.outputs.name
output principalId string = functionApp.outputs.principalId
