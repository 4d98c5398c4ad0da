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
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render text, never HTML.' },
      ],
    },
  },
  {
    // Views are pure: no extension APIs and no database in components/ (the types of what the
    // database returns are fine: they describe the props).
    files: ['components/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['wxt/browser', 'dexie', '**/lib/ui/**'] }, { group: ['**/lib/db/**'], allowTypeImports: true }] },
      ],
    },
  },
  {
    // The content script runs in the page's origin: IndexedDB there would be the site's. (The types
    // of what the database answers are fine: they leave nothing in the bundle, which a test checks.)
    files: ['entrypoints/news.content/**', 'lib/match/**', 'lib/dom/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['dexie'] }, { group: ['**/lib/db/**'], allowTypeImports: true }] },
      ],
    },
  },
  {
    files: ['tests/**'],
    rules: {
      'no-restricted-properties': 'off',
    },
  },
);
