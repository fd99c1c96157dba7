// Key Vault holding the bot's secrets. Access is by Azure RBAC only (no access policies): the Functions app's identity
// gets Key Vault Secrets User on this vault (roles.bicep) and reads the secrets through the app settings'
// @Microsoft.KeyVault(SecretUri=…) references. Secrets whose value is left empty here are not written: put them in the
// vault afterwards (az keyvault secret set), the references pick them up.

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
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
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
