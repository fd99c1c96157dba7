// Key Vault holding the bot's secrets. Access is by Azure RBAC only (no access policies): the Functions app's identity
// gets Key Vault Secrets User on this vault (roles.bicep) and reads the secrets through the app settings'
// @Microsoft.KeyVault(SecretUri=…) references. Secrets whose value is left empty here are not written: put them in the
// vault afterwards (az keyvault secret set), the references pick them up.
// Public network access is disabled unless allowedIpRanges names networks, and then only they are let in: the app reads
// the vault through its private endpoint (network.bicep). Secrets set at deployment go through Azure Resource Manager,
// which the firewall does not stop; setting them afterwards needs an allowed network or a machine in the virtual network.

@description('Azure region.')
param location string

@description('Vault name (3-24 letters, digits and dashes, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Names of the secrets the app settings reference.')
param secretNames array

@description('Secret name -> value. Empty values are skipped.')
@secure()
param secrets object

@description('Public IPv4 addresses or CIDR ranges allowed to reach the vault besides the private endpoint (for an operator setting secrets); none by default, and then public network access is disabled.')
param allowedIpRanges array = []

param tags object

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: empty(allowedIpRanges) ? 'Disabled' : 'Enabled'
    networkAcls: {
      bypass: 'None'
      defaultAction: 'Deny'
      ipRules: [for range in allowedIpRanges: { value: range }]
      virtualNetworkRules: []
    }
  }
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [for secretName in secretNames: if (!empty(secrets[?secretName] ?? '')) {
  parent: vault
  name: secretName
  properties: {
    value: secrets[secretName]
    contentType: 'text/plain'
  }
}]

output name string = vault.name
output id string = vault.id
