// Flex Consumption plan (FC1) and the function app that runs Ratsworkflow on the .NET isolated worker
// (functions/Ratsworkflow.FunctionApp, published by scripts/publish.sh or azd): the platform provides .NET and the
// Functions host; the package brings functions.metadata, worker.config.json and the Durable extension.
//
// Scaling (docs/deployment.md): Flex Consumption scales per group. All Durable triggers (orchestrator and activity
// functions) form the group "durable", driven by the task hub's control and work-item queues; the HTTP function
// forms the group "http"; the timer runs on its own. "alwaysReady" keeps instances of a group warm.
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

@description('.NET version of the dotnet-isolated stack; must match the app\'s target framework (net10.0).')
param dotnetVersion string

@description('Always-ready instances for the durable group (orchestrations and activities).')
param durableAlwaysReady int

@description('Always-ready instances for the HTTP function.')
param httpAlwaysReady int

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
        alwaysReady: [
          {
            name: 'durable'
            instanceCount: durableAlwaysReady
          }
          {
            name: 'http'
            instanceCount: httpAlwaysReady
          }
        ]
      }
      runtime: {
        name: 'dotnet-isolated'
        version: dotnetVersion
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
