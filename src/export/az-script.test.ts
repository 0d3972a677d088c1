import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oneClusterDesign } from '../core/ipam/test-design';
import { computePlan } from '../core/plan';
import { azCommands, exportAzCli } from './az-cli';
import { AZ_COMMANDS } from './az-flags';
import { wordValue } from './shell';
import { example, exampleNames } from './test-support';

const PARAMS = { RESOURCE_GROUP: 'rg', LOCATION: 'eastus2', NAME_PREFIX: '', SUBSCRIPTION_ID: 'sub', FW_0_PUBLIC_IP: '20.1.2.3' };

function shellcheck(script: string): string {
  const r = spawnSync('shellcheck', ['-s', 'bash', '-'], { input: script, encoding: 'utf8' });
  if (r.error) throw new Error(`shellcheck is required (Debian package shellcheck): ${r.error.message}`);
  return r.stdout + r.stderr;
}

describe('az CLI script', () => {
  it.each(exampleNames())('%s passes shellcheck', (name) => {
    const { design, plan } = example(name);
    expect(shellcheck(exportAzCli(design, plan))).toBe('');
  });

  it.each(exampleNames())('%s uses only commands, flags and values from the az reference table', (name) => {
    const { design } = example(name);
    const problems: string[] = [];
    for (const cmd of azCommands(design)) {
      const key = cmd.path.join(' ');
      const spec = AZ_COMMANDS[key];
      if (!spec) {
        problems.push(`unknown command az ${key}`);
        continue;
      }
      for (const f of cmd.flags) {
        const allowed = spec.flags[f.flag];
        if (allowed === undefined) problems.push(`az ${key}: unknown flag ${f.flag}`);
        else if (allowed !== null && allowed.length === 0 && f.values.length > 0) problems.push(`az ${key} ${f.flag} takes no value`);
        else if (allowed !== null && allowed.length > 0) {
          for (const v of f.values) if (!allowed.includes(wordValue(v, PARAMS))) problems.push(`az ${key} ${f.flag} ${wordValue(v, PARAMS)} not in ${allowed.join('|')}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('every az invocation in the text is a command of the table', () => {
    const { design, plan } = example('workshop-hub-spoke');
    const script = exportAzCli(design, plan);
    const invoked = [...script.matchAll(/(?:^|\$\()az ((?:[a-z-]+ ?)+)/gm)].map((m) => m[1]!.trim());
    expect(invoked.length).toBeGreaterThan(10);
    for (const path of invoked) expect(Object.keys(AZ_COMMANDS).some((k) => path === k || path.startsWith(`${k} `))).toBe(true);
  });
});

const HOSTILE = [
  "it's",
  'a"b',
  '$(touch PWNED)',
  '`touch PWNED`',
  'x; touch PWNED',
  'line\ntouch PWNED',
  '${HOME}',
  "'; touch PWNED; '",
  '\\',
  'AKSNET_MANIFESTS',
];

describe('hostile names can never run code', () => {
  it('runs the script with a recording az: every value arrives intact and nothing executes', () => {
    const d = oneClusterDesign({ cluster: { networkPolicy: 'azure' } });
    HOSTILE.forEach((name, i) => d.nsgs.push({ id: `n${i}`, name, rules: [{ id: `r${i}`, name, priority: 100 + i, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', sourceAddressPrefix: name, sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '80' }] }));
    d.vnets[0]!.name = HOSTILE[2]!;
    d.vnets[0]!.subnets[0]!.name = HOSTILE[5]!;
    d.clusters[0]!.name = HOSTILE[7]!;
    d.loadBalancers.push({ id: 'lb', name: HOSTILE[3]!, type: 'internal', clusterId: 'aks', frontends: [{ id: 'f', name: HOSTILE[5]!, namespace: HOSTILE[9]!, port: 80, targetPort: 80, appLabel: HOSTILE[4]! }] });
    const script = exportAzCli(d, computePlan(d));
    const dir = mkdtempSync(join(tmpdir(), 'aksnet-hostile-'));
    const bin = join(dir, 'bin');
    execFileSync('mkdir', [bin]);
    // The fake az records its arguments NUL-separated, one call per line, and prints an id for $(...).
    writeFileSync(join(bin, 'az'), '#!/usr/bin/env bash\nprintf "%s\\0" "$@" >> "$AZ_LOG"; printf "\\n" >> "$AZ_LOG"; echo fake-id\n');
    chmodSync(join(bin, 'az'), 0o755);
    writeFileSync(join(dir, 'deploy.sh'), script);
    const log = join(dir, 'az.log');
    const r = spawnSync('bash', ['deploy.sh'], { cwd: dir, env: { PATH: `${bin}:/usr/bin:/bin`, AZ_LOG: log }, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(existsSync(join(dir, 'PWNED'))).toBe(false);
    const args = readFileSync(log, 'utf8').split('\0');
    for (const name of HOSTILE) expect(args, name).toContain(name);
    // The manifests file holds the hostile Service name as YAML data, not as shell.
    expect(readFileSync(join(dir, 'manifests-1.yaml'), 'utf8')).toContain('touch PWNED');
  });
});
