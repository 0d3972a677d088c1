import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/** The dev server injects inline scripts and opens a websocket: index.html's CSP applies to the build only. */
const cspForBuildOnly: Plugin = {
  name: 'csp-build-only',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/\s*<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, ''),
};

export default defineConfig({
  plugins: [react(), cspForBuildOnly],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'cli/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30000,
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/unit.json' },
  },
});
