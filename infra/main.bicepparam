// Sample environment "goettingen-test": a test deployment for a Göttingen-like city (DESIGN.md sample
// configuration). Works with `azd up` (azd sets AZURE_ENV_NAME, AZURE_LOCATION, AZURE_PRINCIPAL_ID) and with
// `az deployment sub create --location germanywestcentral --parameters infra/main.bicepparam`.
// Secrets come from environment variables and are never written to this file; leave them unset on later runs
// to keep the values already stored in Key Vault.
using './main.bicep'

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME', 'goettingen-test')
param location = readEnvironmentVariable('AZURE_LOCATION', 'germanywestcentral')
param deployerPrincipalId = readEnvironmentVariable('AZURE_PRINCIPAL_ID', '')

param emailFrom = readEnvironmentVariable('RATSWORKFLOW_EMAIL_FROM', 'sitzungsdienst@example.org')
param publicBaseUrl = readEnvironmentVariable('RATSWORKFLOW_PUBLIC_BASE_URL', '')

param sendGridApiKey = readEnvironmentVariable('SENDGRID_API_KEY', '')
param clerkApiToken = readEnvironmentVariable('CLERKS_API_TOKEN', '')
param entraClientId = readEnvironmentVariable('ENTRA_CLIENT_ID', '')
param entraClientSecret = readEnvironmentVariable('ENTRA_CLIENT_SECRET', '')

// A test city clicks through a whole motion in one sitting: minutes instead of days. Deadlines are durable timers
// of the orchestration; the periodic work (expiry, retention) runs on the timer function once a minute.
param beiratDeadline = '0.00:30:00'
param beiratReminderBefore = '0.00:10:00'
param overdueGrace = '0.01:00:00'
param confirmationExpiry = '1.00:00:00'

// Cost guards for a test environment (docs/cost-estimate.md).
param instanceMemoryMB = 2048
param maximumInstanceCount = 40
// No cold start for a motion's steps; pages start on demand (docs/cost-estimate.md).
param durableAlwaysReady = 1
param httpAlwaysReady = 0
param logDailyCapGb = 1
param keyVaultPurgeProtection = false
