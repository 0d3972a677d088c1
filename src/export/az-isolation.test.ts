/**
 * A network-isolated Application Gateway in the az script: the subscription feature is read before anything is
 * created, and the script stops with the commands to run when it is not Registered.
 */
import { chmodSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withGateway } from '../../test/fixtures-nsg';
import { computePlan } from '../core/index';
import { oneClusterDesign } from '../core/ipam/test-design';
import { azCommands, exportAzCli } from './az-cli';
import { azTableProblems } from './az-check';

/** Runs the script with a fake az answering `feature show` with `state`; returns the exit code and the az calls. */
function run(script: string, state: string): { status: number | null; stderr: string; calls: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'aksnet-iso-'));
  const az = join(dir, 'az');
  writeFileSync(
    az,
    [
      '#!/usr/bin/env bash',
      'echo "$1 $2" >> "$AZ_LOG"',
      'if [ "$1" = version ]; then echo 2.80.1; elif [ "$1" = feature ]; then echo "$FAKE_STATE"; else echo fake-id; fi',
      '',
    ].join('\n'),
  );
  chmodSync(az, 0o755);
  writeFileSync(join(dir, 'deploy.sh'), script);
  const log = join(dir, 'az.log');
  const r = spawnSync('bash', ['--norc', '--noprofile', 'deploy.sh'], {
    cwd: dir,
    env: { PATH: `${dir}:/usr/bin:/bin`, AZ_LOG: log, FAKE_STATE: state },
    encoding: 'utf8',
  });
  return {
    status: r.status,
    stderr: r.stderr,
    calls: existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [],
  };
}

describe('network-isolated Application Gateway', () => {
  const design = withGateway(oneClusterDesign({}), { isolated: true });
  const script = exportAzCli(design, computePlan(structuredClone(design)));

  it('reads the feature with commands and flags of the table', () => {
    expect(azTableProblems(azCommands(design))).toEqual([]);
    expect(script).toContain("--name 'EnableApplicationGatewayNetworkIsolation'");
    const sc = spawnSync('shellcheck', ['-s', 'bash', '-'], { input: script, encoding: 'utf8' });
    expect(sc.stdout + sc.stderr).toBe('');
  });
  it('stops before the resource group when the feature is NotRegistered, saying what to run', () => {
    const r = run(script, 'NotRegistered');
    expect(r.status).toBe(2);
    expect(r.calls).toEqual(['account show', 'version --query', 'feature show']);
    expect(r.stderr).toContain(
      'EnableApplicationGatewayNetworkIsolation is NotRegistered: run az feature register --namespace Microsoft.Network',
    );
  });
  it('goes on to create the gateway once it is Registered', () => {
    const r = run(script, 'Registered');
    expect(r.status).toBe(0);
    expect(r.calls).toContain('network application-gateway');
  });
  it('a gateway without isolation reads no feature', () => {
    const plain = withGateway(oneClusterDesign({}));
    expect(exportAzCli(plain, computePlan(structuredClone(plain)))).not.toContain('feature show');
  });
});
