import { defineConfig } from '@playwright/test';

// E2E_PORT and E2E_OUT let two runs share a machine without clashing on the port or the build folder.
const port = Number(process.env.E2E_PORT ?? 4317);
const outDir = process.env.E2E_OUT ?? 'dist';
const report = process.env.E2E_REPORT ?? 'reports/e2e.json';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  outputDir: process.env.E2E_RESULTS ?? 'test-results',
  retries: 0,
  timeout: 30000,
  reporter: [['list'], ['json', { outputFile: report }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `npx vite build --outDir ${outDir} && npx vite preview --outDir ${outDir} --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 180000,
  },
});
