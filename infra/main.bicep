// Ratsworkflow in Azure: a Flex Consumption function app on the .NET isolated worker (Durable Functions on its Azure
// Storage backend; the app's pages and API behind one HTTP function), one storage account (Tables, Queues, Blobs; no
// shared keys), Key Vault for secrets, Application Insights on Log Analytics, optional clerk sign-in with Entra ID.
// docs/deployment.md explains the steps (azd up, or az CLI), docs/cost-estimate.md the monthly cost.
//
// Subscription scope, as azd expects by default: the deployment creates the resource group.

targetScope = 'subscription'

metadata description = 'Ratsworkflow (council motion workflow) on Azure Functions Flex Consumption'

@minLength(1)
@maxLength(40)
@description('Environment name, e.g. "goettingen-test" (azd: AZURE_ENV_NAME). Part of every resource name.')
param environmentName string

@minLength(1)
@description('Region; Flex Consumption must be offered there (az functionapp list-flexconsumption-locations).')
param location string

@description('Resource group to create or reuse; empty: rg-<environmentName>.')
param resourceGroupName string = ''

@description('Absolute base URL for links in mails (custom domain). Empty: https://<default host name of the app>.')
param publicBaseUrl string = ''

@description('Sender address of all mails; must be verified in SendGrid.')
param emailFrom string

@secure()
@description('SendGrid API key; empty keeps the secret stored in Key Vault.')
param sendGridApiKey string = ''

@secure()
@description('Bearer token for the clerk JSON API; empty keeps the secret stored in Key Vault.')
param clerkApiToken string = ''

@description('Client id of the Entra ID app registration for clerk sign-in; empty: no Easy Auth.')
param entraClientId string = ''

@description('Tenant of the Entra ID app registration.')
param entraTenantId string = tenant().tenantId

@secure()
@description('Client secret of that app registration; empty keeps the secret stored in Key Vault.')
param entraClientSecret string = ''

@description('Object id of the deploying user; gets "Key Vault Secrets Officer" to set secrets (azd: AZURE_PRINCIPAL_ID).')
param deployerPrincipalId string = ''

@description('Workflow__BeiratDeadline (d.hh:mm:ss).')
param beiratDeadline string = '14.00:00:00'

@description('Workflow__BeiratReminderBefore (d.hh:mm:ss).')
param beiratReminderBefore string = '3.00:00:00'

@description('Workflow__OverdueGrace (d.hh:mm:ss).')
param overdueGrace string = '2.00:00:00'

@description('Workflow__ConfirmationExpiry (d.hh:mm:ss).')
param confirmationExpiry string = '7.00:00:00'

@description('.NET version of the dotnet-isolated stack; the app targets net10.0 (az functionapp list-flexconsumption-runtimes --location <region> --runtime dotnet-isolated).')
param dotnetVersion string = '10.0'

@description('Instance memory of the Flex Consumption app.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Always-ready instances of the durable group (orchestrator and activity functions): no cold start for a running motion; 0 saves their baseline cost.')
@minValue(0)
@maxValue(10)
param durableAlwaysReady int = 1

@description('Always-ready instances of the HTTP function (pages and API); 0: the first request after idle starts an instance.')
@minValue(0)
@maxValue(10)
param httpAlwaysReady int = 0

@description('Maximum instances per scale group (40 is the lowest value Flex Consumption accepts).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Daily Log Analytics ingestion cap in GB.')
@minValue(1)
param logDailyCapGb int = 1

@description('Turn on Key Vault purge protection (irreversible; recommended for production).')
param keyVaultPurgeProtection bool = false

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var compactName = take(replace(toLower(environmentName), '-', ''), 10)
var tags = {
  'azd-env-name': environmentName
  application: 'ratsworkflow'
}

var names = {
  resourceGroup: !empty(resourceGroupName) ? resourceGroupName : 'rg-${environmentName}'
  storage: 'st${compactName}${take(resourceToken, 10)}'
  keyVault: 'kv-${compactName}-${take(resourceToken, 8)}'
  logAnalytics: 'log-${environmentName}-${take(resourceToken, 6)}'
  applicationInsights: 'appi-${environmentName}-${take(resourceToken, 6)}'
  plan: 'plan-${environmentName}-${take(resourceToken, 6)}'
  functionApp: 'func-${environmentName}-${take(resourceToken, 6)}'
  deploymentContainer: 'app-package'
}

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: names.resourceGroup
  location: location
  tags: tags
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: names.storage
    location: location
    tags: tags
    deploymentContainerName: names.deploymentContainer
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
    dailyCapGb: logDailyCapGb
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: names.keyVault
    location: location
    tags: tags
    enablePurgeProtection: keyVaultPurgeProtection
    sendGridApiKey: sendGridApiKey
    clerkApiToken: clerkApiToken
    entraClientSecret: entraClientSecret
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: rg
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: tags
    azdServiceName: 'ratsworkflow'
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    dotnetVersion: dotnetVersion
    durableAlwaysReady: durableAlwaysReady
    httpAlwaysReady: httpAlwaysReady
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  scope: rg
  dependsOn: [
    keyVault
    monitoring
  ]
  params: {
    // The identity exists only once the app does. Role assignment names include it on purpose (a re-created app
    // gets new assignments instead of failing with RoleAssignmentUpdateNotPermitted); What-If cannot predict them.
    #disable-next-line what-if-short-circuiting
    appPrincipalId: functionApp.outputs.principalId
    deployerPrincipalId: deployerPrincipalId
    storageAccountName: names.storage
    keyVaultName: names.keyVault
    applicationInsightsName: names.applicationInsights
  }
}

var appUrl = 'https://${functionApp.outputs.defaultHostName}'

module appSettings 'modules/appsettings.bicep' = {
  name: 'appsettings'
  scope: rg
  dependsOn: [
    roles
  ]
  params: {
    siteName: names.functionApp
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    publicBaseUrl: !empty(publicBaseUrl) ? publicBaseUrl : appUrl
    emailFrom: emailFrom
    sendGridReferenceUri: keyVault.outputs.sendGridReferenceUri
    clerkTokenReferenceUri: keyVault.outputs.clerkTokenReferenceUri
    entraReferenceUri: keyVault.outputs.entraReferenceUri
    entraClientId: entraClientId
    entraTenantId: entraTenantId
    beiratDeadline: beiratDeadline
    beiratReminderBefore: beiratReminderBefore
    overdueGrace: overdueGrace
    confirmationExpiry: confirmationExpiry
  }
}

output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = rg.name
output APP_URL string = appUrl
output FUNCTION_APP_NAME string = functionApp.outputs.name
output STORAGE_ACCOUNT_NAME string = storage.outputs.name
output KEY_VAULT_NAME string = keyVault.outputs.name
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output CLERK_SIGN_IN string = appSettings.outputs.signInEnabled ? 'Entra ID (Easy Auth)' : 'emailed sign-in link'
output ENTRA_REDIRECT_URI string = '${appUrl}/.auth/login/aad/callback'
