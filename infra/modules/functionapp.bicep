// Flex Consumption plan (FC1) and the function app that runs Ratsworkflow as an Azure Functions custom handler.
//
// Runtime stack: Flex Consumption accepts only dotnet-isolated, java, node, python and powershell as
// functionAppConfig.runtime.name ("custom" is rejected). A custom handler is selected by host.json's
// "customHandler" section, which takes precedence over the stack; Microsoft's own custom-handler samples on Flex
// Consumption (self-hosted MCP servers) use dotnet-isolated the same way. The package is self-contained
// (scripts/publish.sh), so the stack version only chooses the platform image, not the .NET the app runs on.
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

@description('dotnet-isolated stack version offered by Flex Consumption in the region (see header comment).')
param runtimeVersion string

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
        name: 'dotnet-isolated'
        version: runtimeVersion
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
