// App settings and clerk sign-in (App Service Authentication, "Easy Auth") of the function app. Deployed after the
// role assignments so that identity-based connections and Key Vault references work on the first start.
//
// Storage: no keys anywhere. Two identity-based connections point at the same account:
//   AzureWebJobsStorage__*  the Functions host: its own leases, the timer's schedule monitor, and the Durable
//                           Functions task hub (host.json extensions.durableTask; the Azure Storage backend's
//                           default connection).
//   Storage__*              the app's own data (motions, votes, tokens, attachments, data protection keys): the
//                           app builds its Table/Queue/Blob clients from this section when Storage__ConnectionString
//                           is absent (docs/deployment.md).
// Settings that Flex Consumption deprecates (FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_EXTENSION_VERSION,
// WEBSITE_RUN_FROM_PACKAGE, WEBSITE_CONTENT*, WEBSITE_TIME_ZONE, TZ, ...) are deliberately absent: the stack comes
// from functionAppConfig.runtime (functionapp.bicep).

param siteName string
param storageAccountName string
param blobEndpoint string
param queueEndpoint string
param tableEndpoint string
param applicationInsightsConnectionString string

@description('Absolute base of every link in mails (App__PublicBaseUrl).')
param publicBaseUrl string

@description('Sender address of all mails; must be a verified SendGrid sender or domain.')
param emailFrom string

@description('Versionless Key Vault secret URIs (no secret values).')
param sendGridReferenceUri string
param clerkTokenReferenceUri string
param entraReferenceUri string

@description('Entra ID app registration (client id) for clerk sign-in; empty: no Easy Auth, the app uses its emailed sign-in link.')
param entraClientId string
param entraTenantId string

@description('Workflow durations, .NET TimeSpan format d.hh:mm:ss (DESIGN.md configuration table).')
param beiratDeadline string
param beiratReminderBefore string
param overdueGrace string
param confirmationExpiry string

var signInEnabled = !empty(entraClientId)

var settings = {
  // Functions host storage and the Durable task hub, identity-based.
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'

  // The app's storage, identity-based (the same account).
  Storage__blobServiceUri: blobEndpoint
  Storage__queueServiceUri: queueEndpoint
  Storage__tableServiceUri: tableEndpoint
  Storage__credential: 'managedidentity'

  // Telemetry with Entra ID authentication (local auth is off on the Application Insights resource).
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD'

  // DESIGN.md configuration table.
  App__PublicBaseUrl: publicBaseUrl
  Email__Provider: 'SendGrid'
  Email__From: emailFrom
  Email__SendGrid__ApiKey: '@Microsoft.KeyVault(SecretUri=${sendGridReferenceUri})'
  Clerks__ApiToken: '@Microsoft.KeyVault(SecretUri=${clerkTokenReferenceUri})'
  Workflow__BeiratDeadline: beiratDeadline
  Workflow__BeiratReminderBefore: beiratReminderBefore
  Workflow__OverdueGrace: overdueGrace
  Workflow__ConfirmationExpiry: confirmationExpiry
}

var signInSettings = signInEnabled
  ? {
      // Tells the app to trust the X-MS-CLIENT-PRINCIPAL headers that Easy Auth sets (and strips from clients).
      Clerks__SignIn: 'EasyAuth'
      // Easy Auth reads the client secret from the app setting named in authsettingsV2 (clientSecretSettingName).
      MICROSOFT_PROVIDER_AUTHENTICATION_SECRET: '@Microsoft.KeyVault(SecretUri=${entraReferenceUri})'
    }
  : {}

resource site 'Microsoft.Web/sites@2024-04-01' existing = {
  name: siteName
}

resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: union(settings, signInSettings)
}

// Clerk sign-in with Microsoft Entra ID through Easy Auth (supported on Flex Consumption since its general
// availability). Anonymous requests pass (citizens, factions and Beirat members use the app without an account);
// Easy Auth validates the session cookie and sets X-MS-CLIENT-PRINCIPAL* headers. The app itself sends
// unauthenticated requests under /ratsbuero to /.auth/login/aad?post_login_redirect_uri=... and checks the
// "Clerk" app role in the principal. Only users assigned to the enterprise application can sign in at all.
resource authSettings 'Microsoft.Web/sites/config@2024-04-01' = if (signInEnabled) {
  parent: site
  name: 'authsettingsV2'
  dependsOn: [
    appSettings
  ]
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    httpSettings: {
      requireHttps: true
      routes: {
        apiPrefix: '/.auth'
      }
      forwardProxy: {
        convention: 'NoProxy'
      }
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          openIdIssuer: '${environment().authentication.loginEndpoint}${entraTenantId}/v2.0'
          clientId: entraClientId
          clientSecretSettingName: 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET'
        }
        login: {
          loginParameters: [
            'scope=openid profile email'
          ]
        }
        validation: {
          allowedAudiences: [
            entraClientId
            'api://${entraClientId}'
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
      preserveUrlFragmentsForLogins: false
      allowedExternalRedirectUrls: []
      cookieExpiration: {
        convention: 'FixedTime'
        timeToExpiration: '08:00:00'
      }
      nonce: {
        validateNonce: true
        nonceExpirationInterval: '00:05:00'
      }
    }
  }
}

output signInEnabled bool = signInEnabled
