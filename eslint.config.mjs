import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'build/', 'test-results/', 'devTools/', 'scripts/*.js', 'jest.config.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  {
    // The folder is the boundary: only src/teams may use the Teams/Bot Framework SDKs.
    files: ['src/**/*.ts'],
    ignores: ['src/teams/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['botbuilder', 'botbuilder-*', '@microsoft/teams-ai'],
              message: 'Only src/teams may import botbuilder or @microsoft/teams-ai.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'node:*',
                'fs',
                'http',
                'https',
                'express',
                'better-sqlite3',
                '@azure/*',
                'botbuilder',
                '@microsoft/teams-ai',
                '../store/*',
                '../app/*',
                '../teams/*',
              ],
              message: 'src/domain is pure: no I/O and no adapters.',
            },
          ],
        },
      ],
    },
  },
);
