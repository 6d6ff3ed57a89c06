// Type-aware rules for the sources and the tests (both are in tsconfig.json); the plain
// JavaScript of bin/, scripts/ and bench/ gets the recommended rules only.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'reports/', '.stryker-tmp/'] },
  js.configs.recommended,
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        performance: 'readonly',
        globalThis: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        structuredClone: 'readonly',
      },
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' } },
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'vitest.config.ts', 'vitest.mutate.config.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Tests read the tool's JSON output back with JSON.parse and look into it: `any` is what it is.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // Stand-in streams are async generators that yield what they hold at once.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // `items[i]!` claims an item is there without checking: for-of, entries(), or itemAt()
    // (src/checked-index.ts, an internal error where the claim is wrong) say it instead. The
    // folders still listed below hold the ones left (test/architecture/non-null-index.test.ts
    // counts them and lets no count grow); src/engine's are the hot loops of compile, evaluate,
    // explainer and record-index, which are being rewritten for speed and measured as they go;
    // src/load's are in record building (yaml-document, json-document, ndjson, load-record), a hot
    // path too.
    files: ['src/**/*.ts'],
    ignores: ['src/engine/**', 'src/format/**', 'src/load/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSNonNullExpression > MemberExpression[computed=true]',
          message: 'say why the item is there: for-of, entries(), or itemAt() from src/checked-index.ts',
        },
      ],
    },
  },
  {
    // Prettier wraps code at 160 columns but never breaks a string: this keeps text, markup and
    // YAML in the code wrapped too. A URL or a regular expression reads better whole. The types
    // generated from the schemas carry the schemas' descriptions as they are (one line each).
    files: ['**/*.ts', '**/*.js', '**/*.mjs', '**/*.cjs'],
    ignores: ['src/load/schema-types/**'],
    rules: { 'max-len': ['error', { code: 200, ignoreUrls: true, ignoreRegExpLiterals: true }] },
  },
  {
    // Terminal text is the subject here: escapes and C0 controls are matched on purpose.
    rules: { 'no-control-regex': 'off' },
  },
);
