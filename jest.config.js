/**
 * Jest runs TypeScript through ts-jest in transpile-only mode (fast; `npm run typecheck` checks types).
 * Not SWC: its platform packages are not all served by the registry here, which breaks `npm ci`.
 */
const transform = { '^.+\\.tsx?$': ['ts-jest', { diagnostics: false }] };
const common = { transform, testEnvironment: 'node', moduleFileExtensions: ['ts', 'js', 'json'] };
module.exports = {
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.js'],
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { ...common, displayName: 'contract', testMatch: ['<rootDir>/test/contract/**/*.test.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'] },
    { ...common, displayName: 'security', testMatch: ['<rootDir>/test/security/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
  ],
};
