// The examples are plain Node.js scripts, outside the TypeScript project: plain JavaScript rules.
import js from '@eslint/js';

const node = ['process', 'console', 'fetch', 'setTimeout', 'clearTimeout', 'TextDecoder', 'URL', 'URLSearchParams', 'AbortController', 'Response'];

export default [
  js.configs.recommended,
  {
    files: ['**/*.mjs'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: Object.fromEntries(node.map((name) => [name, 'readonly'])) },
  },
];
