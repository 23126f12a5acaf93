// Flex Consumption plan (FC1) and the function app that runs Ratsworkflow as an Azure Functions custom handler.
//
// Language stack: Flex Consumption accepts only dotnet-isolated, java, node, python and powershell as
// functionAppConfig.runtime.name ("custom" is rejected by the platform). host.json's "customHandler" section makes
// the Functions host start our executable instead of a language worker, whatever the stack. The stack still
// matters in two ways, and "java" is the one that fits:
//   * FUNCTIONS_WORKER_RUNTIME (set by the platform from the stack) = dotnet-isolated makes the host treat the app
//     as a .NET app and IGNORE host.json's extensionBundle (ScriptStartupTypeLocator: bundles only for non-.NET
//     apps), so queueTrigger would not be registered; dotnet-isolated, node and python also switch on "worker
//     indexing" (metadata from the language worker instead of function.json).
//   * java has neither: the bundle (queue trigger) loads and function.json is read from the package. Microsoft's
//     own custom-handler sample on Flex Consumption (self-hosted MCP server, Java) uses runtime java the same way.
// The package is a self-contained linux-x64 .NET app (scripts/publish.sh); the Java on the image is never started.
//
// App settings are NOT set here but in appsettings.bicep, after the role assignments exist, so that Key Vault
// references and identity-based storage connections resolve on the first start.

param name string
param planName string
param location string
param tags object

@description('Service name in azure.yaml; azd finds the app by this tag.')
param azdServiceName string

@description('URL of the blob container that receives the deployment package.')
param deploymentContainerUrl string

@description('Version of the java stack image (see header comment): a version Flex Consumption offers in the region.')
param stackVersion string

@description('Memory per instance. 2048 MB is the platform default; 512 MB is cheaper but has 0.25 vCPU.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Upper bound for scale-out of every scale group (HTTP, and each non-HTTP function on its own).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': azdServiceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      minTlsVersion: '1.2'
      http20Enabled: true
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
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'java'
        version: stackVersion
      }
    }
  }
}

// No publishing with user name and password (FTP, SCM basic auth): deployments authenticate with Entra ID.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

output name string = site.name
output id string = site.id
output principalId string = site.identity.principalId
output defaultHostName string = site.properties.defaultHostName
