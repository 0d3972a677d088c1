import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
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
