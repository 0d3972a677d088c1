import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from './test-support';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('aksnet main', () => {
  it('prints usage and exits 2 without a command, 0 with --help', async () => {
    const io = await run([], 2);
    expect(io.stdout).toContain('aksnet plan DESIGN.json [--json]');
    const help = await run(['--help'], 0);
    expect(help.stdout).toContain('aksnet validate DESIGN.json [--json]');
  });

  it('refuses an unknown command with exit 2', async () => {
    const io = await run(['deploy'], 2);
    expect(io.stderr).toMatch(/^aksnet: unknown command "deploy"/);
  });

  it('the binary runs: node cli/aksnet.mjs plan and validate on an example', () => {
    const plan = spawnSync(process.execPath, ['cli/aksnet.mjs', 'plan', 'examples/seed-kubenet.json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(plan.status).toBe(0);
    expect(plan.stdout).toContain('Plan of Seed: kubenet with your own VNet');
    expect(plan.stdout).toMatch(/\n {2}myAKSSubnet +192\.168\.1\.0\/24 /);
    const missing = spawnSync(process.execPath, ['cli/aksnet.mjs', 'validate', 'examples/missing.json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('aksnet: examples/missing.json: cannot read: no such file\n');
  });
});
