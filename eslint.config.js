import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const why = 'Dependencies point one way: core <- export, io <- store <- canvas, panels (docs/ARCHITECTURE.md).';
const surface = 'Import the planning core through src/core/index.ts: its public surface (docs/ARCHITECTURE.md).';
// Deep paths into core are refused outside core; test helpers (core/**/test-*.ts) are not part of the surface.
const deepCore = {
  regex: '(^|/)core/(?!index$)(?!(.*/)?test-[^/]*$).+',
  message: surface,
};
const restrict = (patterns, extra = [deepCore]) => ({
  'no-restricted-imports': [
    'error',
    { patterns: [...patterns.map((group) => ({ group: [group], message: why })), ...extra] },
  ],
});

// Core, export and io run in the CLI as well as the browser: no UI, no store, no Node I/O.
const UI_STORE_NODE = [
  'react',
  'react-dom',
  'zustand',
  'zundo',
  '@xyflow/*',
  '**/store/**',
  '**/canvas/**',
  '**/panels/**',
  'node:*',
  'fs',
  'path',
];
/** The import rule of a pure layer: besides UI_STORE_NODE, the `siblings` beside it in the dependency order. */
const pureLayer = (dir, siblings, ignores, extra) => ({
  files: [`src/${dir}/**/*.ts`],
  ignores,
  rules: restrict([...UI_STORE_NODE, ...siblings], extra),
});

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-*',
      'test-results-*',
      'examples',
      'fixtures',
      'node_modules',
      'reports',
      'test-results',
      'playwright-report',
      'src/export/golden',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['src/core/**'],
    rules: restrict([]),
  },
  pureLayer('core', ['**/export/**', '**/io/**'], ['src/core/**/*.test.ts', 'src/core/**/test-*.ts'], []),
  pureLayer('export', ['**/io/**'], ['src/export/**/*.test.ts', 'src/export/**/test-support.ts']),
  pureLayer('io', ['**/export/**'], ['src/io/**/*.test.ts', 'src/io/**/test-support.ts']),
  {
    files: ['src/store/**/*.ts'],
    ignores: ['src/store/**/*.test.ts'],
    rules: restrict(['react-dom', '@xyflow/*', '**/canvas/**', '**/panels/**']),
  },
  {
    files: ['**/*.mjs', '.ci/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**', 'bench/**', 'cli/**'],
    rules: { 'max-lines': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
