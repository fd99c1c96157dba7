// The storage account behind AzureWebJobsStorage: the delivery queue and its poison sibling, the ledger tables, the
// Functions host's own blobs (timer locks) and the Flex Consumption deployment container. Shared keys are disabled:
// every client (the Functions host, the queue scheduler, the Table Storage ledgers) authenticates with the app's managed
// identity. Public network access is disabled unless allowedIpRanges names networks, and then only they are let in: the
// app reaches the blob, queue and table services through private endpoints (network.bicep).

@description('Azure region.')
param location string

@description('Storage account name (3-24 lower-case letters and digits, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Queue the webhook receivers fill and ProcessDelivery drains (the code\'s DeliveryQueueFunction.QueueName).')
param queueName string

@description('Prefix of the ledger tables (Storage:TablePrefix; the code\'s default is anatomybot).')
param tablePrefix string

@description('Blob container the Flex Consumption plan deploys the app package from.')
param deploymentContainerName string

@description('Public IPv4 addresses or CIDR ranges (storage accepts neither /31 nor /32: give a single address) allowed to reach the account besides the private endpoints; none by default, and then public network access is disabled.')
param allowedIpRanges array = []

param tags object

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    publicNetworkAccess: empty(allowedIpRanges) ? 'Disabled' : 'Enabled'
    networkAcls: {
      bypass: 'None'
      defaultAction: 'Deny'
      ipRules: [for range in allowedIpRanges: { value: range, action: 'Allow' }]
      virtualNetworkRules: []
    }
    encryption: {
      keySource: 'Microsoft.Storage'
      services: {
        blob: {
          enabled: true
        }
        file: {
          enabled: true
        }
        queue: {
          enabled: true
          keyType: 'Account'
        }
        table: {
          enabled: true
          keyType: 'Account'
        }
      }
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource deliveries 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queueService
  name: queueName
}

resource poison 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queueService
  name: '${queueName}-poison'
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

// The ledgers create missing tables on first use too; declaring them here makes the deployment complete on its own.
resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for table in ['Deliveries', 'DeliveryStatus', 'Evaluations', 'GapEvents']: {
  parent: tableService
  name: '${tablePrefix}${table}'
}]

output name string = account.name
output id string = account.id
output blobEndpoint string = account.properties.primaryEndpoints.blob
output deploymentContainerUrl string = '${account.properties.primaryEndpoints.blob}${deploymentContainer.name}'
output queueNames array = [deliveries.name, poison.name]
output tableNames array = [for (table, i) in ['Deliveries', 'DeliveryStatus', 'Evaluations', 'GapEvents']: tables[i].name]
