// Writes Jest's own counts to test-results/jest-summary.json so .ci/run can print one plain line.
// (Not `results.success`: Jest sets it only after the reporters have run, so here it is always false.)
const fs = require('node:fs');
const path = require('node:path');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const dir = path.join(process.cwd(), 'test-results');
    fs.mkdirSync(dir, { recursive: true });
    const summary = {
      numTotalTests: results.numTotalTests,
      numPassedTests: results.numPassedTests,
      numFailedTests: results.numFailedTests,
      numPendingTests: results.numPendingTests,
      numRuntimeErrorTestSuites: results.numRuntimeErrorTestSuites,
    };
    fs.writeFileSync(path.join(dir, 'jest-summary.json'), JSON.stringify(summary, null, 2));
  }
}
module.exports = SummaryReporter;
