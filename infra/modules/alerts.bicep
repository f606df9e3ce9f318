// Alerts on the bot's stable event metrics (src/telemetry.ts EVENTS, exported as customMetrics
// zsm.job.dead, zsm.turn.refused, zsm.teams.throttled) and on instance health.
param location string
param tags object
param actionGroupName string
param alertEmail string
param insightsId string
param prefix string

resource group 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: actionGroupName
  location: 'global'
  tags: tags
  properties: {
    groupShortName: take(replace(prefix, '-', ''), 12)
    enabled: true
    emailReceivers: empty(alertEmail) ? [] : [{ name: 'ops', emailAddress: alertEmail, useCommonAlertSchema: true }]
  }
}

var rules = [
  {
    name: 'dead-jobs'
    description: 'A job gave up for good: a card, reminder or consultation never reached Teams.'
    metric: 'zsm.job.dead'
    threshold: 0
    severity: 1
  }
  {
    name: 'refused-turns'
    description: 'Many turns refused (bad token or tenant outside the allowlist): misconfiguration or probing.'
    metric: 'zsm.turn.refused'
    threshold: 20
    severity: 2
  }
  {
    name: 'teams-throttled'
    description: 'Teams keeps answering 429: posts are delayed.'
    metric: 'zsm.teams.throttled'
    threshold: 10
    severity: 2
  }
]

resource alert 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = [
  for r in rules: {
    name: '${prefix}-${r.name}'
    location: location
    tags: tags
    properties: {
      description: r.description
      severity: r.severity
      enabled: true
      scopes: [insightsId]
      evaluationFrequency: 'PT5M'
      windowSize: 'PT15M'
      criteria: {
        allOf: [
          {
            query: 'customMetrics | where name == "${r.metric}" | summarize total = sum(valueSum)'
            timeAggregation: 'Total'
            metricMeasureColumn: 'total'
            operator: 'GreaterThan'
            threshold: r.threshold
            failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
          }
        ]
      }
      actions: { actionGroups: [group.id] }
    }
  }
]
