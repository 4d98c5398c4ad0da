import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'tests/e2e/.results/**', 'tests/e2e/.report/**', 'tests/e2e-firefox/.results/**', 'tests/e2e-firefox/.report/**', '.demo/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Dataset text is rendered as text only: no HTML sinks anywhere.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render text, never HTML.' },
        { property: 'outerHTML', message: 'Render text, never HTML.' },
        { property: 'insertAdjacentHTML', message: 'Render text, never HTML.' },
      ],
      'no-restricted-syntax': ['error', { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render text, never HTML.' }],
    },
  },
  {
    // Views are pure: no extension APIs and no database in components/.
    files: ['components/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['wxt/browser', 'dexie', '**/lib/db/**', '**/lib/ui/**'] }],
    },
  },
  {
    // The content script runs in the page's origin: IndexedDB there would be the site's.
    files: ['entrypoints/news.content/**', 'lib/match/**', 'lib/dom/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['dexie', '**/lib/db/**'] }],
    },
  },
  {
    files: ['tests/**'],
    rules: {
      'no-restricted-properties': 'off',
    },
  },
);
