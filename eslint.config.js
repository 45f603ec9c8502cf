import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'packages/server/lib/', 'storybook-static/', 'node_modules/', 'coverage/', 'test/feed/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  litConfigs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['scripts/**', 'bench/**', '*.config.*', 'examples/*.js', 'packages/server/**', 'test/node/**', 'test/runner-plugins/**', 'test/wordpress/**'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
  {
    // The block editor's script: a classic script against the wp.* globals, no build step.
    files: ['wordpress/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser, wp: 'readonly' } },
  },
  {
    // The feed layer is pure data: it runs in Node (the civic-widgets command) as in the browser.
    files: ['src/feed/**'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-globals': ['error', 'document', 'window', 'navigator', 'localStorage', 'DOMParser', 'HTMLElement', 'customElements'],
      'no-restricted-imports': ['error', { patterns: [
        { group: ['lit', 'lit/*', '@lit/*'], message: 'src/feed/ knows nothing of elements.' },
        { group: ['../shared/*', '../*/'], message: 'src/feed/ imports only from src/feed/.' },
      ] }],
    },
  },
  {
    // A local named like a browser global hides it from the rule above, and from a reader.
    files: ['src/feed/**'],
    rules: {
      'no-restricted-syntax': ['error', ...['document', 'window'].map((name) => ({
        selector: `:matches(VariableDeclarator > Identifier.id, VariableDeclarator > ObjectPattern Property > Identifier.value, :function > Identifier.params)[name='${name}']`,
        message: `A local named "${name}" hides the browser's global of that name.`,
      }))],
    },
  },
  {
    files: ['test/**'],
    // chai's `expect(x).to.exist` is an expression by design.
    rules: { 'no-console': 'off', '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
