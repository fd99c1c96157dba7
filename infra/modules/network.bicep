// The private network the Functions app reaches its Key Vault and storage account through: a virtual network with one
// subnet the app is integrated into (delegated to Microsoft.App/environments, as Flex Consumption requires) and one for
// private endpoints; a private endpoint for the vault and for the storage account's blob, queue and table services; and
// the privatelink DNS zones linked to the network, so the app resolves the usual host names to the private addresses.
// With these, neither the vault nor the account needs to accept traffic from public networks (keyvault.bicep,
// storage.bicep).

@description('Azure region.')
param location string

@description('Base name for the network resources.')
param baseName string

@description('Address space of the virtual network.')
param addressPrefix string

@description('Subnet the Functions app is integrated into (at least /27; delegated to Microsoft.App/environments).')
param appSubnetPrefix string

@description('Subnet holding the private endpoints.')
param endpointSubnetPrefix string

@description('Resource id of the Key Vault.')
param keyVaultId string

@description('Resource id of the storage account.')
param storageAccountId string

param tags object

var storageSuffix = environment().suffixes.storage
var endpoints = [
  { name: 'vault', target: keyVaultId, groupId: 'vault', zone: 'privatelink.vaultcore.azure.net' }
  { name: 'blob', target: storageAccountId, groupId: 'blob', zone: 'privatelink.blob.${storageSuffix}' }
  { name: 'queue', target: storageAccountId, groupId: 'queue', zone: 'privatelink.queue.${storageSuffix}' }
  { name: 'table', target: storageAccountId, groupId: 'table', zone: 'privatelink.table.${storageSuffix}' }
]

resource network 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-${baseName}'
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [addressPrefix]
    }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: appSubnetPrefix
          delegations: [
            {
              name: 'flex-consumption'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
        }
      }
      {
        name: 'private-endpoints'
        properties: {
          addressPrefix: endpointSubnetPrefix
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
    ]
  }
}

resource appSubnet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: network
  name: 'app'
}

resource endpointSubnet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: network
  name: 'private-endpoints'
}

resource zones 'Microsoft.Network/privateDnsZones@2024-06-01' = [for endpoint in endpoints: {
  name: endpoint.zone
  location: 'global'
  tags: tags
}]

resource zoneLinks 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [for (endpoint, i) in endpoints: {
  parent: zones[i]
  name: 'vnet-${baseName}'
  location: 'global'
  tags: tags
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: network.id
    }
  }
}]

resource privateEndpoints 'Microsoft.Network/privateEndpoints@2024-05-01' = [for endpoint in endpoints: {
  name: 'pe-${baseName}-${endpoint.name}'
  location: location
  tags: tags
  properties: {
    subnet: {
      id: endpointSubnet.id
    }
    privateLinkServiceConnections: [
      {
        name: endpoint.name
        properties: {
          privateLinkServiceId: endpoint.target
          groupIds: [endpoint.groupId]
        }
      }
    ]
  }
}]

resource zoneGroups 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-05-01' = [for (endpoint, i) in endpoints: {
  parent: privateEndpoints[i]
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: endpoint.name
        properties: {
          privateDnsZoneId: zones[i].id
        }
      }
    ]
  }
}]

output appSubnetId string = appSubnet.id
output privateEndpointNames array = [for (endpoint, i) in endpoints: privateEndpoints[i].name]
