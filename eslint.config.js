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

const notThePage = { group: ['**/renderer/**'], message: 'The Node side does not import the page.' };
const onlyTheShellImportsElectron = {
  group: ['electron', 'electron/*'],
  message: 'Only main/shell/ imports Electron: everything else runs in plain Node (the CLI, tests).',
};

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
      'no-restricted-imports': ['error', { patterns: [notThePage] }],
    },
  },
  // main/ has rooms: the Electron shell (the only place that imports electron), the calls the page
  // makes, the services (plain Node, knowing neither), the code worker and the command line.
  {
    files: ['main/**/*.ts'],
    ignores: ['main/shell/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [notThePage, onlyTheShellImportsElectron] }],
    },
  },
  {
    files: ['main/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            notThePage,
            onlyTheShellImportsElectron,
            {
              group: ['**/shell/**', '**/codeWorker/**', '**/calls/**', '**/cli/**'],
              message:
                'Services are plain Node parts: the shell, the calls, the worker and the command line use them, not the other way round.',
            },
          ],
        },
      ],
    },
  },
);
