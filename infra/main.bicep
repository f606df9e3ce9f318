// ZSM HG-bot on Azure: one resource group per environment (dev, prod, ...), every name derived from
// one prefix. Deployed by the Agents Toolkit (m365agents.yml, arm/deploy) or by
// `az deployment group create` (docs/operations.md). Not compiled on the development machine (no
// Bicep compiler in its registries): test/unit/infra checks parameters and outputs against
// m365agents.yml and the parameter files.
targetScope = 'resourceGroup'

@description('Prefix of every resource name, e.g. zsmhg. Lower-case letters and digits.')
@minLength(3)
@maxLength(12)
param resourcePrefix string

@description('Environment name (dev, acc, prod): part of every name.')
@allowed(['dev', 'acc', 'prod'])
param environmentName string

@description('Region of all regional resources (the Azure Bot itself is global).')
param location string = resourceGroup().location

@description('App Service plan SKU (P0v3 or larger: zone-capable, deployment slots, enough memory for Node).')
param appServiceSku string = 'P0v3'

@description('Instances of the web app; at least two so that a restart or crash of one does not stop the desk.')
@minValue(2)
@maxValue(10)
param instanceCount int = 2

@description('Cosmos DB capacity: Serverless (pay per request, one region) or Provisioned (autoscale).')
@allowed(['Serverless', 'Provisioned'])
param cosmosCapacityMode string = 'Serverless'

@description('Autoscale maximum RU/s of the database when Provisioned.')
param cosmosAutoscaleMaxThroughput int = 1000

@description('Azure Bot pricing tier; the Teams channel is a standard channel (no message charge on F0 or S1).')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('Display name of the bot in Azure.')
param botDisplayName string = 'ZSM HG-bot'

@description('Tenants whose Teams traffic the bot accepts (comma-separated); default: the deploying tenant.')
param allowedTenantIds string = tenant().tenantId

@description('Roster file inside the deployed package (locations, channels, members).')
param rosterFile string = 'config/roster.json'

@description('Veilig Thuis configuration file inside the deployed package.')
param vtConfigFile string = 'config/vt.json'

@description('Intake HMAC secret (>= 32 characters); stored in Key Vault only.')
@secure()
@minLength(32)
param intakeHmacSecret string

@description('Pseudonym key (>= 32 characters); stored in Key Vault only. Never change it after go-live (case ids derive from it).')
@secure()
@minLength(32)
param pseudonymKey string

@description('E-mail address for operational alerts (dead jobs, refused turns, Teams 429s); empty: no e-mail.')
param alertEmail string = ''

@description('Share of traces sent to Application Insights, 0-1 (metrics and logs are never sampled).')
param telemetrySamplingRatio string = '0.25'

@description('Days Log Analytics keeps logs.')
param logRetentionDays int = 90

var base = '${resourcePrefix}-${environmentName}'
// Key Vault and Cosmos account names are global and limited in length/characters.
var compact = toLower('${resourcePrefix}${environmentName}${take(uniqueString(resourceGroup().id), 5)}')
var names = {
  identity: '${base}-id'
  plan: '${base}-plan'
  site: '${base}-app'
  bot: '${base}-bot'
  workspace: '${base}-log'
  insights: '${base}-ai'
  keyVault: take('${compact}kv', 24)
  cosmos: take('${compact}-cosmos', 44)
  actionGroup: '${base}-ops'
}
var tags = { app: 'zsm-hg-bot', env: environmentName }

// One user-assigned identity: the bot's Bot Framework identity (UserAssignedMSI), Cosmos data-plane
// access, and Key Vault references. No client secret exists anywhere.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    tags: tags
    workspaceName: names.workspace
    insightsName: names.insights
    retentionDays: logRetentionDays
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    tags: tags
    name: names.keyVault
    principalId: identity.properties.principalId
    workspaceId: monitoring.outputs.workspaceId
    secrets: {
      'intake-hmac-secret': intakeHmacSecret
      'pseudonym-key': pseudonymKey
    }
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    location: location
    tags: tags
    accountName: names.cosmos
    databaseName: 'zsm'
    containerName: 'items'
    capacityMode: cosmosCapacityMode
    autoscaleMaxThroughput: cosmosAutoscaleMaxThroughput
    principalId: identity.properties.principalId
    workspaceId: monitoring.outputs.workspaceId
  }
}

module web 'modules/web.bicep' = {
  name: 'web'
  params: {
    location: location
    tags: tags
    planName: names.plan
    siteName: names.site
    sku: appServiceSku
    instanceCount: instanceCount
    identityId: identity.id
    workspaceId: monitoring.outputs.workspaceId
    appSettings: {
      NODE_ENV: 'production'
      HOST: '0.0.0.0'
      STORE: 'cosmos'
      COSMOS_ENDPOINT: cosmos.outputs.endpoint
      COSMOS_DATABASE: cosmos.outputs.databaseName
      COSMOS_CONTAINER: cosmos.outputs.containerName
      // DefaultAzureCredential picks the user-assigned identity by its client id.
      AZURE_CLIENT_ID: identity.properties.clientId
      MICROSOFT_APP_ID: identity.properties.clientId
      MICROSOFT_APP_TYPE: 'UserAssignedMSI'
      MICROSOFT_APP_TENANT_ID: tenant().tenantId
      ALLOWED_TENANT_IDS: allowedTenantIds
      INTAKE_HMAC_SECRET: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.secretUris['intake-hmac-secret']})'
      PSEUDONYM_KEY: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.secretUris['pseudonym-key']})'
      APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
      ROSTER_FILE: rosterFile
      VT_CONFIG_FILE: vtConfigFile
      // New work is kicked in the instance that enqueued it; polling only picks up timers and other
      // instances' leftovers, so 2 s is plenty and keeps idle Cosmos reads (RU) low.
      JOB_POLL_MS: '2000'
      TELEMETRY_SAMPLING_RATIO: telemetrySamplingRatio
      LOG_LEVEL: 'info'
      SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
      // Seconds App Service waits after SIGTERM before killing the process (the bot's own limit is 25 s;
      // src/main.ts). Documented for Linux containers; not verified on this machine.
      WEBSITES_CONTAINER_STOP_TIME_LIMIT: '30'
    }
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    tags: tags
    name: names.bot
    displayName: botDisplayName
    sku: botSku
    endpoint: 'https://${web.outputs.hostName}/api/messages'
    identityClientId: identity.properties.clientId
    identityResourceId: identity.id
    workspaceId: monitoring.outputs.workspaceId
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    location: location
    tags: tags
    actionGroupName: names.actionGroup
    alertEmail: alertEmail
    insightsId: monitoring.outputs.insightsId
    prefix: base
  }
}

// Read by m365agents.yml (arm/deploy writes each output into env/.env.<environment>).
output BOT_ID string = identity.properties.clientId
output BOT_DOMAIN string = web.outputs.hostName
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = web.outputs.siteId
output AZURE_BOT_SERVICE_NAME string = names.bot
output COSMOS_ENDPOINT string = cosmos.outputs.endpoint
output KEY_VAULT_NAME string = names.keyVault
output APPLICATIONINSIGHTS_NAME string = names.insights
