/**
 * Jest runs TypeScript through ts-jest in transpile-only mode (fast; `npm run typecheck` checks types).
 * Not SWC: its platform packages are not all served by the registry here, which breaks `npm ci`.
 */
const transform = { '^.+\\.tsx?$': ['ts-jest', { diagnostics: false }] };
const common = { transform, testEnvironment: 'node', moduleFileExtensions: ['ts', 'js', 'json'] };
/** Suites with a real host, store or browser: a longer hang guard (test/helpers/hang-guard.ts). */
const real = { ...common, setupFilesAfterEnv: ['<rootDir>/test/helpers/hang-guard.ts'] };
module.exports = {
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.js'],
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { ...real, displayName: 'contract', testMatch: ['<rootDir>/test/contract/**/*.test.ts'] },
    { ...real, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'] },
    { ...real, displayName: 'security', testMatch: ['<rootDir>/test/security/**/*.test.ts'] },
    { ...real, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
  ],
};
