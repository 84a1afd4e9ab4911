import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'public/**', 'test-results/**', 'bench/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },
  // Layers: core <- workers <- state <- ui. The core is pure (it runs in the worker, the CLI and the tests alike),
  // so it imports nothing from the layers above it or from the CLI; workers import nothing from the page's layers.
  {
    files: ['src/core/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{
        group: ['**/workers/*', '**/state/*', '**/ui/*', '**/cli/*', '**/sw/*', 'react', 'react-dom', 'zustand'],
        message: 'src/core is pure: it may not import from workers, state, ui, cli or React.',
      }] }],
    },
  },
  {
    files: ['src/workers/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{
        group: ['**/state/*', '**/ui/*', 'react', 'react-dom', 'zustand'],
        message: 'Workers may import the core and their own message contracts, never the page (state, ui).',
      }] }],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
