// ESLint (issue 11 item 8): `npm run lint` and .ci/run, zero warnings allowed.
// The rules the project asked for, type-aware where they need types: no floating promises, no unused variables,
// and libraries reached only through their index (`@fuyi/<lib>`), never by a deep path into another library.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'coverage/**', 'generated/**', 'bench/results/**', '**/*.js', '**/*.mjs'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unsafe-function-type': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Libraries and apps reach a library through its index only; tests may use a library's own test helpers (__tests__).
    files: ['libs/**/*.ts', 'apps/**/*.ts', 'apps/**/*.tsx', 'db/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@fuyi/*/*'], message: 'Import a library through its index: @fuyi/<lib>.' },
            {
              group: [
                '**/libs/*/src/*',
                '**/libs/*/src/**',
                '**/{kernel,platform,deadlines,clocks,notifications,cases,mediation,liaison,documents}/src/**',
              ],
              message: 'Import a library through its index: @fuyi/<lib>, not a path into it.',
            },
          ],
        },
      ],
    },
  },
);
