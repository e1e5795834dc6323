import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'test/output/**', '.nx/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Every string and instant a schema accepts comes from the contracts' input.ts, which cleans and bounds them.
  {
    files: ['libs/contracts/src/**/*.ts', 'apps/server/src/**/*.ts', 'apps/console/src/**/*.{ts,tsx}'],
    ignores: ['libs/contracts/src/input.ts', 'apps/server/src/config/config.ts', '**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='z'][callee.property.name='string']",
          message: 'Use text(), displayName() or secret() from @kefu/contracts (input.ts): they strip control characters.',
        },
        {
          selector: "MemberExpression[object.object.name='z'][object.property.name='iso']",
          message: 'Use instant() or calendarDate() from @kefu/contracts (input.ts): they bound the years.',
        },
      ],
    },
  },
  // Tests read untyped JSON answers of the API.
  { files: ['test/**/*.ts', '**/*.spec.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  {
    files: ['apps/console/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
