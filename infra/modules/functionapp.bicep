// The Functions app on a Flex Consumption plan: isolated .NET 10 worker, system-assigned managed identity, HTTPS only,
// TLS 1.2+, no FTP and no basic-auth publishing. The deployment package is read from a blob container with the same
// identity, so the storage account needs no shared key. The app is integrated into a subnet and routes all its outbound
// traffic through the virtual network, where private endpoints reach the Key Vault and the storage account (network.bicep);
// its own endpoint stays public, because GitHub and Azure DevOps deliver webhooks to it.

@description('Azure region (must offer the Flex Consumption plan).')
param location string

@description('Function app name (globally unique; the host name is NAME.azurewebsites.net).')
param name string

@description('Base name for the plan.')
param baseName string

@description('Blob container URL the plan deploys the app package from.')
param deploymentContainerUrl string

@description('Application Insights connection string (no key is used: local auth is disabled, the identity sends telemetry).')
param insightsConnectionString string

@description('The bot\'s own app settings (name/value pairs, configuration keys of docs/hosting.md with __).')
param appSettings array

@description('Most instances the plan scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory per instance (MB).')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Subnet the app is integrated into (delegated to Microsoft.App/environments).')
param subnetId string

param tags object

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'asp-${baseName}'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

var platformSettings = [
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: insightsConnectionString
  }
  {
    // Telemetry is sent with the managed identity (Monitoring Metrics Publisher), never with the instrumentation key.
    name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
    value: 'Authorization=AAD'
  }
]

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  // `azd deploy` finds the app by this tag: the value is the service's name in azure.yaml.
  tags: union(tags, { 'azd-service-name': 'functions' })
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientCertEnabled: false
    publicNetworkAccess: 'Enabled'
    keyVaultReferenceIdentity: 'SystemAssigned'
    virtualNetworkSubnetId: subnetId
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      vnetRouteAllEnabled: true
      appSettings: concat(platformSettings, appSettings)
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

output name string = site.name
output principalId string = site.identity.principalId
output defaultHostName string = site.properties.defaultHostName
