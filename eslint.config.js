// Lint, with the process boundaries enforced per folder: the page reaches the Node side only
// through the preload's API, and the shared code imports nothing platform-specific.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeModules = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'url',
  'worker_threads',
  'stream',
  'http',
  'https',
  'net',
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['app/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'app/ is shared by every side: no Electron.' },
            { group: nodeModules, message: 'app/ is shared by every side: no Node modules.' },
            {
              group: ['react', 'react-dom', '**/main/**', '**/renderer/**'],
              message: 'app/ imports only app/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*'],
              message: 'The page reaches the main process only through window.promoExporter.',
            },
            { group: nodeModules, message: 'The page runs without Node.' },
            { group: ['**/main/**', '**/main'], message: 'The page may not import main-process code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts', 'test/**/*.{ts,mjs}', 'build/**/*.mjs', '*.config.{ts,js}'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'The Node side does not import the page.' }] },
      ],
    },
  },
);
