/** Builds the bare React Flow page of the canvas benchmark into dist-bench-bare (not part of the app). */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  plugins: [react()],
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('../../../dist-bench-bare', import.meta.url)),
    emptyOutDir: true,
  },
  preview: { port: 4413 },
});
