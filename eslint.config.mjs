// One ESLint config for the whole project (npm run lint): typescript-eslint's
// recommended rules over src, test and bench, and Microsoft's recommended rules
// for Office add-ins over src/addin, with the browser's and Office.js's globals.
import officeAddins from 'eslint-plugin-office-addins';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const addinFiles = ['src/addin/**/*.ts'];
// The Office.js rules of the plugin's recommended config (its other rules, and its own copy
// of typescript-eslint, are covered by the config below; formatting is prettier's, run apart).
const officeRules = Object.fromEntries(
  officeAddins.configs.recommended.flatMap((config) => Object.entries(config.rules ?? {})).filter(([rule]) => rule.startsWith('office-addins/')),
);

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'coverage/**', 'test-artifacts/**', 'bench/.data/**'] },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // A function of src reads in one screen (the few longer ones say why they are).
    files: ['src/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 80 }] },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: addinFiles,
    plugins: { 'office-addins': officeAddins },
    rules: officeRules,
    languageOptions: {
      globals: { ...globals.browser, Office: 'readonly', Excel: 'readonly', OfficeExtension: 'readonly' },
    },
  },
);
