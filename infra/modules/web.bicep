// App Service plan (Linux) and the web app: Node 20, >= 2 instances, HTTPS only, TLS 1.2+,
// health check on /readyz, a staging slot for configuration changes without downtime.
param location string
param tags object
param planName string
param siteName string
param sku string
@minValue(2)
param instanceCount int
param identityId string
param workspaceId string
param appSettings object

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: { name: sku, capacity: instanceCount }
  properties: { reserved: true }
}

// A for-expression may only be the whole value of a variable, not a property inside one.
var appSettingsList = [for s in items(appSettings): { name: s.key, value: s.value }]

var siteConfig = {
  linuxFxVersion: 'NODE|20-lts'
  appCommandLine: 'node dist/src/main.js'
  alwaysOn: true
  http20Enabled: true
  minTlsVersion: '1.2'
  scmMinTlsVersion: '1.2'
  ftpsState: 'Disabled'
  healthCheckPath: '/readyz'
  // Instances talk to Cosmos, not to each other: no session affinity needed.
  appSettings: appSettingsList
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: siteName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${identityId}': {} } }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identityId
    siteConfig: siteConfig
  }
}

// Configuration changes (roster, VT schedule) are deployed here first, warmed up, then swapped in.
resource staging 'Microsoft.Web/sites/slots@2023-12-01' = {
  parent: site
  name: 'staging'
  location: location
  tags: tags
  kind: 'app,linux'
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${identityId}': {} } }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identityId
    siteConfig: siteConfig
  }
}

resource noBasicScm 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: site
  name: 'ftp'
  properties: { allow: false }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: workspaceId
    logs: [
      { category: 'AppServiceHTTPLogs', enabled: true }
      { category: 'AppServiceConsoleLogs', enabled: true }
      { category: 'AppServicePlatformLogs', enabled: true }
    ]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

output hostName string = site.properties.defaultHostName
output siteId string = site.id
