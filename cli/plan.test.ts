import { describe, expect, it } from 'vitest';
import type { Design, Plan } from '../src/core/index';
import { makeMinimalDocument } from '../src/io/test-support';
import { makePlanCommand } from './commands/plan';
import { collect, example, run, writeTemp } from './test-support';

const EXAMPLE = example('aks-baseline.json');

/** A fixed plan for the minimal document, so the table layout is checked on numbers this test controls. */
function fixedPlan(_design: Design): Plan {
  return {
    subnets: {
      snet1: {
        subnetId: 'snet1',
        vnetId: 'vnet1',
        name: 'snet-nodes',
        cidr: '10.10.0.0/24',
        prefixLength: 24,
        total: 256,
        reserved: 5,
        items: [{ kind: 'nodes', label: 'system nodes (3 + 1 surge)', count: 4, sourceId: 'pool1', formula: '3 + 1' }],
        used: 4,
        free: 247,
        utilisation: 9 / 256,
      },
    },
    vnets: {
      vnet1: { vnetId: 'vnet1', addressSpaces: [{ cidr: '10.10.0.0/16', total: 65536 }], total: 65536, allocated: 256 },
    },
    clusters: {
      aks1: {
        clusterId: 'aks1',
        model: 'kubenet',
        pools: [
          {
            poolId: 'pool1',
            clusterId: 'aks1',
            name: 'system',
            maxNodes: 3,
            surge: 1,
            peakNodes: 4,
            maxPods: 110,
            nodeIps: 4,
            podIps: 0,
          },
        ],
        peakNodes: 4,
        podCidrCapacityNodes: 256,
        kubenetRouteCount: 4,
        serviceCidrSize: 65536,
      },
    },
    overlaps: [],
    findings: [
      { rule: 'r-1', severity: 'warning', subjectId: 'snet1', message: 'w', learnUrl: 'https://learn.microsoft.com/' },
      { rule: 'r-2', severity: 'error', subjectId: 'aks1', message: 'e', learnUrl: 'https://learn.microsoft.com/' },
    ],
  };
}

describe('aksnet plan', () => {
  it('prints the tables of a plan', async () => {
    const io = collect();
    const code = await makePlanCommand(fixedPlan)([writeTemp('minimal.json', makeMinimalDocument())], io);
    expect(code).toBe(0);
    expect(io.stdout()).toBe(
      [
        'Plan of minimal',
        '',
        'VNet vnet-app (10.10.0.0/16): 65,536 addresses, 256 in subnets',
        '  Subnet      CIDR          Size  Total  Reserved  Used  Free   Use',
        // (4 used + 5 reserved) / 256 = 3.515625% → 3.5%
        '  snet-nodes  10.10.0.0/24   /24    256         5     4   247  3.5%',
        '      system nodes (3 + 1 surge): 4  = 3 + 1',
        '',
        'Cluster aks-app: kubenet, peak nodes 4',
        '  Pool    Mode    Max nodes  Surge  Peak nodes  Max pods  Node IPs  Pod IPs',
        '  system  System          3      1           4       110         4        0',
        '  Pod CIDR 10.244.0.0/16: room for 256 nodes at one /24 each',
        '  kubenet routes: 4 of 400',
        '  Service CIDR 10.0.0.0/16 (65,536 addresses), DNS 10.0.0.10',
        '',
        'Findings: 1 error, 1 warning, 0 info (aksnet validate lists them)',
        '',
      ].join('\n'),
    );
    expect(io.stderr()).toBe('');
  });

  it('--json prints the plan and the findings', async () => {
    const io = collect();
    expect(await makePlanCommand(fixedPlan)([writeTemp('minimal.json', makeMinimalDocument()), '--json'], io)).toBe(0);
    const { plan, findings } = JSON.parse(io.stdout()) as { plan: Record<string, unknown>; findings: unknown[] };
    const { findings: expected, ...rest } = fixedPlan(makeMinimalDocument().design);
    expect(plan).toEqual(rest);
    expect(findings).toEqual(expected);
  });

  it('lists every subnet of an example with its CIDR, using the real planner', async () => {
    const io = await run(['plan', EXAMPLE], 0);
    for (const [name, cidr] of [
      ['AzureFirewallSubnet', '10.200.0.0/26'],
      ['GatewaySubnet', '10.200.0.64/27'],
      ['AzureBastionSubnet', '10.200.0.128/26'],
      ['snet-clusternodes', '10.240.0.0/22'],
      ['snet-clusteringressservices', '10.240.4.0/28'],
      ['snet-privatecluster', '10.240.7.0/28'],
      ['snet-privatelinkendpoints', '10.240.4.32/28'],
      ['snet-applicationgateway', '10.240.5.0/24'],
    ] as const) {
      expect(io.stdout).toMatch(new RegExp(`\\n  ${name} +${cidr.replace(/\./g, '\\.')} `));
    }
    expect(io.stdout).toContain('Cluster aks-BU0001A0008: ');
    expect(io.stdout).toMatch(/\nFindings: \d+ errors?, \d+ warnings?, \d+ info/);
  });

  it('--json with the real planner is valid JSON with a plan and a findings list', async () => {
    const io = await run(['plan', EXAMPLE, '--json'], 0);
    const out = JSON.parse(io.stdout) as { plan: { subnets: object; clusters: object }; findings: unknown[] };
    expect(out.plan).toHaveProperty('subnets');
    expect(out.plan).toHaveProperty('clusters');
    expect(Array.isArray(out.findings)).toBe(true);
  });

  it('exits 2 with the field path when the file is invalid', async () => {
    const doc = makeMinimalDocument() as unknown as { design: { clusters: { nodePools: { count: number }[] }[] } };
    doc.design.clusters[0]!.nodePools[0]!.count = -3;
    const file = writeTemp('bad-count.json', doc);
    const io = await run(['plan', file], 2);
    expect(io.stderr).toBe(`aksnet: ${file}: design.clusters[0].nodePools[0].count: expected an integer ≥ 0, got -3\n`);
    expect(io.stdout).toBe('');
  });

  it('exits 2 when the file cannot be read, is a device or is not JSON', async () => {
    const io = await run(['plan', '/nonexistent/design.json'], 2);
    expect(io.stderr).toBe('aksnet: /nonexistent/design.json: cannot read: no such file\n');
    const dir = await run(['plan', '/dev/null'], 2);
    expect(dir.stderr).toBe('aksnet: /dev/null: cannot read: not a regular file\n');
    const notJson = writeTemp('not-json.json', '{ "format": ');
    const io2 = await run(['plan', notJson], 2);
    expect(io2.stderr).toMatch(new RegExp(`^aksnet: ${notJson}: not valid JSON: `));
  });

  it('exits 2 on bad usage', async () => {
    const io = await run(['plan'], 2);
    expect(io.stderr).toBe('aksnet: missing the design file\nUsage: aksnet plan DESIGN.json [--json]\n');
    const io2 = await run(['plan', 'a.json', 'b.json'], 2);
    expect(io2.stderr).toBe('aksnet: unexpected argument "b.json"\nUsage: aksnet plan DESIGN.json [--json]\n');
  });

  it('--json gives each finding its family beside its rule id, from the real planner', async () => {
    const broken = example('broken.json');
    const io = await run(['plan', broken, '--json'], 0);
    const { findings } = JSON.parse(io.stdout) as { findings: { rule: string; family: string }[] };
    expect(findings.filter((f) => f.family === 'special-subnet').map((f) => f.rule)).toEqual([
      'special-subnet-name',
      'special-subnet-size',
    ]);
    expect(findings.find((f) => f.rule === 'subnet-overlap')!.family).toBe('subnet-overlap');
  });
});
