// Cosmos DB for NoSQL: one database, one container partitioned by /caseId, per-item TTL allowed
// (defaultTtl -1: nothing expires unless a document sets `ttl`), local (key) auth disabled, the
// app's identity a data-plane contributor, continuous backup for point-in-time restore.
param location string
param tags object
param accountName string
param databaseName string
param containerName string
@allowed(['Serverless', 'Provisioned'])
param capacityMode string
param autoscaleMaxThroughput int
param principalId string
param workspaceId string

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: accountName
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [{ locationName: location, failoverPriority: 0, isZoneRedundant: false }]
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    capabilities: capacityMode == 'Serverless' ? [{ name: 'EnableServerless' }] : []
    backupPolicy: { type: 'Continuous', continuousModeProperties: { tier: 'Continuous7Days' } }
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-05-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: { id: databaseName }
    options: capacityMode == 'Provisioned' ? { autoscaleSettings: { maxThroughput: autoscaleMaxThroughput } } : {}
  }
}

resource container 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = {
  parent: database
  name: containerName
  properties: {
    resource: {
      id: containerName
      partitionKey: { paths: ['/caseId'], kind: 'Hash' }
      defaultTtl: -1
      indexingPolicy: {
        indexingMode: 'consistent'
        includedPaths: [{ path: '/*' }]
        // Case text is never queried: keep it out of the index.
        excludedPaths: [{ path: '/body/summary/?' }, { path: '/body/text/?' }, { path: '/"_etag"/?' }]
      }
    }
  }
}

// Built-in "Cosmos DB Built-in Data Contributor" (data plane: read/write items, read metadata).
resource dataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = {
  parent: account
  name: guid(account.id, principalId, 'data-contributor')
  properties: {
    principalId: principalId
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/00000000-0000-0000-0000-000000000002'
    scope: account.id
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: account
  properties: {
    workspaceId: workspaceId
    logAnalyticsDestinationType: 'Dedicated'
    // Request metadata only (status, RU, latency); QueryRuntimeStatistics (query text) is left off.
    logs: [
      { category: 'DataPlaneRequests', enabled: true }
      { category: 'ControlPlaneRequests', enabled: true }
      { category: 'PartitionKeyRUConsumption', enabled: true }
    ]
    metrics: [{ category: 'Requests', enabled: true }]
  }
}

output endpoint string = account.properties.documentEndpoint
output databaseName string = database.name
output containerName string = container.name
