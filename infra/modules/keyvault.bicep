// Key Vault (RBAC mode, no access policies) for the app's secrets. The app never sees the vault: its app settings
// hold @Microsoft.KeyVault(SecretUri=...) references that the platform resolves with the app's managed identity
// (role "Key Vault Secrets User", roles.bicep).
//
// A secret is written only when its value is passed in, so re-running the deployment without the value keeps the
// secret that is there (set later with `az keyvault secret set`, see docs/deployment.md).

@description('Key Vault name: 3-24 letters, digits and hyphens, globally unique.')
@minLength(3)
@maxLength(24)
param name string

param location string
param tags object

@description('Purge protection cannot be switched off again once on; use it for production vaults.')
param enablePurgeProtection bool = false

@secure()
@description('SendGrid API key (Mail Send permission). Empty: keep the stored secret.')
param sendGridApiKey string = ''

@secure()
@description('Bearer token for the clerk JSON API. Empty: keep the stored secret.')
param clerkApiToken string = ''

@secure()
@description('Client secret of the Entra ID app registration used for clerk sign-in. Empty: keep the stored secret.')
param entraClientSecret string = ''

// Secret names. The app settings reference them by URI (without a version: the newest version always applies).
var sendGridSecretName = 'sendgrid-api-key'
var clerkTokenSecretName = 'clerks-api-token'
var entraSecretName = 'entra-client-secret'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource sendGridSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(sendGridApiKey)) {
  parent: vault
  name: sendGridSecretName
  properties: {
    value: sendGridApiKey
    contentType: 'text/plain'
  }
}

resource clerkTokenSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(clerkApiToken)) {
  parent: vault
  name: clerkTokenSecretName
  properties: {
    value: clerkApiToken
    contentType: 'text/plain'
  }
}

resource entraSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(entraClientSecret)) {
  parent: vault
  name: entraSecretName
  properties: {
    value: entraClientSecret
    contentType: 'text/plain'
  }
}

output name string = vault.name
output id string = vault.id
output vaultUri string = vault.properties.vaultUri

// Versionless secret URIs for @Microsoft.KeyVault(SecretUri=...) references (URIs, not secret values).
output sendGridReferenceUri string = '${vault.properties.vaultUri}secrets/${sendGridSecretName}'
output clerkTokenReferenceUri string = '${vault.properties.vaultUri}secrets/${clerkTokenSecretName}'
output entraReferenceUri string = '${vault.properties.vaultUri}secrets/${entraSecretName}'
