import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { computePlan } from '../core/index';
import { azCommands, exportAzCli } from './az-cli';
import { azTableProblems } from './az-check';
import type { AzCommand } from './az-model';
import { readAzCommands } from './script-reader';
import { wordValue } from './shell';
import { AZ_COMMANDS } from './az-flags';
import { featureDesign, HOSTILE, makeHostile } from './test-feature-design';
import { example, exampleNames } from './test-support';

/** shellcheck's findings at `severity` and above (all of them by default). */
function shellcheck(script: string, severity: 'style' | 'warning' = 'style'): string {
  const r = spawnSync('shellcheck', ['-s', 'bash', '-S', severity, '-'], { input: script, encoding: 'utf8' });
  if (r.error) throw new Error(`shellcheck is required (Debian package shellcheck): ${r.error.message}`);
  return r.stdout + r.stderr;
}

describe('az CLI script', () => {
  it.each(exampleNames())('%s passes shellcheck', (name) => {
    const { design, plan } = example(name);
    expect(shellcheck(exportAzCli(design, plan))).toBe('');
  });

  it.each(exampleNames())('%s uses only commands, flags and values from the az reference table', (name) => {
    expect(azTableProblems(azCommands(example(name).design))).toEqual([]);
  });

  it.each([...exampleNames(), 'every modelled element'])(
    '%s: the script text reads back word for word as its commands',
    (name) => {
      const { design, plan } =
        name === 'every modelled element' ? { design: featureDesign(), plan: undefined } : example(name);
      const params = { RESOURCE_GROUP: 'rg-x', LOCATION: 'westus3', NAME_PREFIX: 'p-', SUBSCRIPTION_ID: 'sub-1' };
      const read = readAzCommands(exportAzCli(design, plan ?? computePlan(design)), params);
      expect(azTableProblems(read)).toEqual([]);
      const plain = (cmds: AzCommand[]) =>
        cmds.map((c) => [
          c.path.join(' '),
          ...c.flags.map((f) => [f.flag, ...f.values.map((v) => wordValue(v, params))]),
        ]);
      const built = azCommands(design);
      expect(plain(read.slice(0, built.length))).toEqual(plain(built));
      // After the resources come only the manifest steps, one per cluster with manifests.
      expect(
        read
          .slice(built.length)
          .map((c) => c.path.join(' '))
          .every((p) => p === 'aks command invoke'),
      ).toBe(true);
    },
  );

  it('every az invocation in the text is a command of the table', () => {
    const { design, plan } = example('workshop-hub-spoke');
    const script = exportAzCli(design, plan);
    const invoked = [...script.matchAll(/(?:^|\$\()az ((?:[a-z-]+ ?)+)/gm)].map((m) => m[1]!.trim());
    expect(invoked.length).toBeGreaterThan(10);
    for (const path of invoked)
      expect(Object.keys(AZ_COMMANDS).some((k) => path === k || path.startsWith(`${k} `))).toBe(true);
  });
});

interface ScriptRun {
  status: number | null;
  stderr: string;
  /** Each az call's arguments, in order. */
  calls: string[][];
  dir: string;
}

/** Runs a script with a fake az that records every call's arguments (NUL-separated) and prints an id for $(...). */
function runWithFakeAz(script: string, env: Record<string, string> = {}): ScriptRun {
  const dir = mkdtempSync(join(tmpdir(), 'aksnet-script-'));
  const bin = join(dir, 'bin');
  execFileSync('mkdir', [bin]);
  writeFileSync(
    join(bin, 'az'),
    [
      '#!/usr/bin/env bash',
      'printf "%s\\0" "$@" >> "$AZ_LOG"; printf "END-OF-CALL\\0" >> "$AZ_LOG"',
      'if [ "$1" = version ]; then echo "${FAKE_AZ_VERSION:-2.80.1}"; else echo fake-id; fi',
      '',
    ].join('\n'),
  );
  chmodSync(join(bin, 'az'), 0o755);
  writeFileSync(join(dir, 'deploy.sh'), script);
  const log = join(dir, 'az.log');
  const r = spawnSync('bash', ['--norc', '--noprofile', 'deploy.sh'], {
    cwd: dir,
    env: { PATH: `${bin}:/usr/bin:/bin`, AZ_LOG: log, ...env },
    encoding: 'utf8',
  });
  const calls: string[][] = [];
  let call: string[] = [];
  for (const part of (existsSync(log) ? readFileSync(log, 'utf8') : '').split('\0').slice(0, -1)) {
    if (part === 'END-OF-CALL') {
      calls.push(call);
      call = [];
    } else call.push(part);
  }
  return { status: r.status, stderr: r.stderr, calls, dir };
}

const flagOf = (call: string[], flag: string) => call[call.indexOf(flag) + 1];
const startsWith = (call: string[], ...path: string[]) => path.every((p, i) => call[i] === p);

describe('every modelled element', () => {
  const design = featureDesign();
  const script = exportAzCli(design, computePlan(design));

  it('uses only commands, flags and values of the table, and passes shellcheck', () => {
    expect(azTableProblems(azCommands(design))).toEqual([]);
    expect(shellcheck(script)).toBe('');
  });

  it('runs in dependency order with every networking flag the design implies', () => {
    const run = runWithFakeAz(script, { NAME_PREFIX: 'contoso-', RESOURCE_GROUP: 'rg-(prod)_1.x' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const index = (...path: string[]) => run.calls.findIndex((c) => startsWith(c, ...path));
    // Public IPs, then the VNets, then the firewall policy before the firewall, and the firewall before the
    // userDefinedRouting cluster that needs it for egress.
    expect(index('network', 'public-ip', 'create')).toBeLessThan(index('network', 'vnet', 'create'));
    expect(index('network', 'firewall', 'policy', 'create')).toBeLessThan(index('network', 'firewall', 'create'));
    expect(index('network', 'firewall', 'create')).toBeLessThan(index('aks', 'create'));
    // A WAF_v2 gateway gets its WAF policy first.
    const agw = run.calls.find((c) => startsWith(c, 'network', 'application-gateway', 'create'))!;
    expect(flagOf(agw, '--waf-policy')).toBe('contoso-agw-spoke-waf');
    expect(index('network', 'application-gateway', 'waf-policy', 'create')).toBeLessThan(
      index('network', 'application-gateway', 'create'),
    );
    // --tier takes effect only with --sku. A Premium firewall with forced tunnelling: `firewall create` fills the
    // management subnet for Basic only, so the data and management configurations come with `ip-config create`.
    const fw = run.calls.find((c) => startsWith(c, 'network', 'firewall', 'create'))!;
    expect([flagOf(fw, '--sku'), flagOf(fw, '--tier')]).toEqual(['AZFW_VNet', 'Premium']);
    expect(fw.filter((w) => /^--(m-)?(conf-name|public-ip)$/.test(w))).toEqual([]);
    expect(index('network', 'public-ip', 'create')).toBeLessThan(index('network', 'firewall', 'create'));
    const [first, extra] = run.calls.filter((c) => startsWith(c, 'network', 'firewall', 'ip-config', 'create'));
    expect(
      ['--name', '--public-ip-address', '--vnet-name', '--m-name', '--m-public-ip-address', '--m-vnet-name'].map((f) =>
        flagOf(first!, f),
      ),
    ).toEqual([
      'ipconfig1',
      'contoso-pip-fw',
      'contoso-vnet-hub',
      'management',
      'contoso-fw-hub-mgmt-pip',
      'contoso-vnet-hub',
    ]);
    expect([flagOf(extra!, '--name'), flagOf(extra!, '--public-ip-address')]).toEqual([
      'ipconfig2',
      'contoso-pip-fw-2',
    ]);
    const [cni, overlay] = run.calls.filter((c) => startsWith(c, 'aks', 'create'));
    expect(flagOf(cni!, '--name')).toBe('contoso-aks-cni');
    expect(flagOf(cni!, '--pod-ip-allocation-mode')).toBe('StaticBlock');
    expect(flagOf(cni!, '--outbound-type')).toBe('userDefinedRouting');
    expect(flagOf(overlay!, '--network-plugin-mode')).toBe('overlay');
    expect(flagOf(overlay!, '--network-dataplane')).toBe('cilium');
    expect(flagOf(overlay!, '--pod-cidr')).toBe('10.244.0.0/16');
    expect(flagOf(overlay!, '--apiserver-subnet-id')).toBe(
      '/subscriptions/fake-id/resourceGroups/rg-(prod)_1.x/providers/Microsoft.Network/virtualNetworks/contoso-vnet-spoke/subnets/snet-apiserver',
    );
    expect(overlay).toContain('--enable-private-cluster');
    const win = run.calls.find((c) => startsWith(c, 'aks', 'nodepool', 'add') && flagOf(c, '--name') === 'win1')!;
    expect([
      flagOf(win, '--os-type'),
      flagOf(win, '--mode'),
      flagOf(win, '--max-surge'),
      flagOf(win, '--pod-ip-allocation-mode'),
    ]).toEqual(['Windows', 'User', '1', 'StaticBlock']);
    // DNAT translates the firewall's public IP, read into a parameter by `az network public-ip show`.
    const nat = run.calls.find((c) => c.includes('add-nat-collection'))!;
    expect([
      flagOf(nat, '--destination-addresses'),
      flagOf(nat, '--translated-address'),
      flagOf(nat, '--translated-port'),
    ]).toEqual(['fake-id', '10.1.4.10', '22']);
    // The CNI cluster's Services use a static public IP and an ILB subnet: its identity gets Network Contributor.
    const roles = run.calls.filter((c) => startsWith(c, 'role', 'assignment', 'create'));
    expect(roles.map((c) => flagOf(c, '--scope'))).toEqual(['/subscriptions/fake-id/resourceGroups/rg-(prod)_1.x']);
    // The manifests name the prefixed public IP in the script's resource group.
    const manifests = readFileSync(join(run.dir, 'manifests-1.yaml'), 'utf8');
    expect(manifests).toContain('service.beta.kubernetes.io/azure-pip-name: "contoso-pip-web"');
    expect(manifests).toContain('service.beta.kubernetes.io/azure-load-balancer-resource-group: "rg-(prod)_1.x"');
  });

  it('refuses parameters that are not valid Azure names before calling az', () => {
    const bad: Record<string, string>[] = [
      { RESOURCE_GROUP: 'rg;touch PWNED' },
      { NAME_PREFIX: 'a b' },
      { RESOURCE_GROUP: 'ends-with.' },
    ];
    for (const env of bad) {
      const run = runWithFakeAz(script, env);
      expect(run.status).toBe(2);
      expect(run.calls).toEqual([]);
      expect(existsSync(join(run.dir, 'PWNED'))).toBe(false);
    }
  });
});

describe('hostile names can never run code', () => {
  it('runs the script of a design whose every name is hostile: values arrive intact and nothing executes', () => {
    const d = featureDesign();
    makeHostile(d);
    // The public Service's manifest gets the resource group filled in: its own name must survive that.
    d.loadBalancers[1]!.frontends[0]!.name = '@@RESOURCE_GROUP@@';
    const script = exportAzCli(d, computePlan(d));
    // Only the info notes SC1003/SC2016 remain: "this single-quoted text does not expand", which is the point.
    expect(shellcheck(script, 'warning')).toBe('');
    const run = runWithFakeAz(script);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(existsSync(join(run.dir, 'PWNED'))).toBe(false);
    const args = new Set(run.calls.flat());
    for (const name of HOSTILE) expect(args.has(name), JSON.stringify(name)).toBe(true);
    // The manifests hold the hostile Service names as YAML data, not as shell.
    const docs = parseAllDocuments(readFileSync(join(run.dir, 'manifests-1.yaml'), 'utf8')).map((x) => x.toJS());
    const names = docs.filter((x) => x.kind === 'Service').map((x) => x.metadata.name);
    expect(names.length).toBe(2);
    for (const n of names) expect(HOSTILE).toContain(n);
    expect(names).toContain('@@RESOURCE_GROUP@@');
  });
});
