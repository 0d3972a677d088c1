import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The dev server injects inline scripts and opens a websocket: index.html's CSP applies to the build only. */
const cspForBuildOnly: Plugin = {
  name: 'csp-build-only',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/\s*<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, ''),
};

const BASE64 = '?base64';

/**
 * `import b64 from 'pkg/x.wasm?base64'`: the file's bytes as a base64 string in the importing chunk. The app
 * fetches nothing (its CSP has `connect-src 'none'`), so a WASM binary must arrive inside a script.
 */
const wasmBase64: Plugin = {
  name: 'wasm-base64',
  enforce: 'pre',
  async resolveId(source, importer) {
    if (!source.endsWith(`.wasm${BASE64}`)) return null;
    const file = await this.resolve(source.slice(0, -BASE64.length), importer, { skipSelf: true });
    return file ? `${file.id}${BASE64}` : null;
  },
  load(id) {
    if (!id.endsWith(`.wasm${BASE64}`)) return null;
    const file = id.slice(0, -BASE64.length);
    this.addWatchFile(file);
    return `export default ${JSON.stringify(readFileSync(file).toString('base64'))};`;
  },
};

const ZOD_JITLESS = fileURLToPath(new URL('./src/zod-jitless.ts', import.meta.url));

/**
 * The app's `zod` imports go through src/zod-jitless.ts, which configures zod before any schema is built: the
 * bundler may put a schema in a chunk that runs before main.tsx's own first import of it.
 */
const zodJitless: Plugin = {
  name: 'zod-jitless',
  apply: 'build',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source !== 'zod' || !importer || importer === ZOD_JITLESS || importer.includes('node_modules')) return null;
    return ZOD_JITLESS;
  },
};

export default defineConfig({
  plugins: [react(), cspForBuildOnly, wasmBase64, zodJitless],
  // The worker that reads a large saved design (src/store/parse-worker.ts) imports zod too.
  worker: { format: 'es', plugins: () => [zodJitless] },
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
    // A WASM file read as base64 lives under node_modules but is the plugin's module, not a package's.
    server: { deps: { inline: [/\.wasm\?base64$/] } },
  },
});
