// Log Analytics workspace + workspace-based Application Insights. Local (key) authentication is disabled: the Functions
// app sends telemetry with its managed identity (role Monitoring Metrics Publisher, see roles.bicep).

@description('Azure region.')
param location string

@description('Base name of the resources, e.g. anatomybot-contoso-dev.')
param baseName string

@description('Days Log Analytics keeps logs (30 is the free retention).')
@minValue(30)
@maxValue(730)
param retentionInDays int

param tags object

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${baseName}'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    features: {
      enableLogAccessUsingOnlyResourcePermissions: true
    }
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${baseName}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
    IngestionMode: 'LogAnalytics'
  }
}

output insightsName string = insights.name
output connectionString string = insights.properties.ConnectionString
