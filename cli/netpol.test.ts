import { describe, expect, it } from 'vitest';
import { main } from './main';
import { collect, writeTemp } from './test-support';
import { readFileSync } from 'node:fs';

const SEED = 'fixtures/k8s/seed-004';

async function run(...args: string[]) {
  const io = collect();
  const code = await main(['netpol', ...args], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('aksnet netpol', () => {
  it('prints the connection list of seed 004 in netpol-analyzer form', async () => {
    const r = await run(SEED);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const lines = r.out.trim().split('\n');
    expect(lines).toContain('demo/pod3[Pod] => demo/pod2[Pod] : All Connections');
    expect(lines.some((l) => l.startsWith('demo/pod4[Pod] => demo/pod2[Pod]'))).toBe(false);
    expect(lines.some((l) => l.startsWith('demo/pod1[Pod] => demo/pod2[Pod]'))).toBe(false);
  });

  it('answers one query with the verdicts of both directions (--json)', async () => {
    const r = await run(
      SEED,
      '--from',
      'demo/pod4',
      '--to',
      'demo/pod2',
      '--port',
      '80',
      '--protocol',
      'TCP',
      '--json',
    );
    expect(r.code).toBe(1); // denied
    const j = JSON.parse(r.out);
    expect(j.allowed).toBe(false);
    expect(j.egress).toMatchObject({ isolated: false, allowed: true });
    expect(j.ingress).toMatchObject({
      isolated: true,
      allowed: false,
      selectedBy: ['demo/restrict-all-traffic', 'demo/backend-policy'],
    });
    const ok = JSON.parse((await run(SEED, '--from', 'pod3', '--to', 'pod2', '--port', '80', '--json')).out);
    expect(ok.allowed).toBe(true);
    expect(ok.ingress.rules).toEqual([
      { policy: 'demo/backend-policy', rule: 0, peer: 0, connections: 'All Connections' },
    ]);
  });

  it('--explain says why, for both directions', async () => {
    const r = await run(SEED, '--from', 'pod1', '--to', 'pod2', '--port', '80', '--explain');
    expect(r.out).toContain('demo/pod1[Pod] => demo/pod2[Pod] : TCP 80: denied');
    expect(r.out).toContain('egress: no policy selects demo/pod1 for Egress');
    expect(r.out).toContain('ingress: isolated by demo/restrict-all-traffic, demo/backend-policy');
  });

  it('queries an IP destination and refuses unknown endpoints', async () => {
    expect((await run(SEED, '--from', 'pod1', '--to', '8.8.8.8', '--port', '53', '--protocol', 'UDP')).code).toBe(0);
    const bad = await run(SEED, '--from', 'nobody', '--to', 'pod2');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('no workload or IPv4 address "nobody"');
    expect((await run(SEED, '--from', 'pod1', '--to', 'pod2', '--port', '70000')).code).toBe(2);
  });

  it('prints the matrix as Markdown and CSV', async () => {
    const md = (await run(SEED, '-o', 'md')).out.split('\n');
    expect(md[0]).toBe('| src \\ dst | demo/pod1[Pod] | demo/pod2[Pod] | demo/pod3[Pod] | demo/pod4[Pod] |');
    // pod4 row: to pod1 and pod2 (backends) nothing; to pod3 all; itself '-'.
    expect(md[5]).toBe('| demo/pod4[Pod] | No Connections | No Connections | All Connections | - |');
    const csv = (await run(SEED, '-o', 'csv')).out.split('\n');
    expect(csv[3]).toBe('demo/pod3[Pod],All Connections,All Connections,-,All Connections');
  });

  it('--diff lists what a policy change adds and removes', async () => {
    const dir1 = writeTemp(
      'np-a.yaml',
      'kind: Pod\nmetadata: { name: a, labels: { app: a } }\n---\nkind: Pod\nmetadata: { name: b, labels: { app: b } }\n',
    );
    const policy =
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: b-web }\nspec:\n  podSelector: { matchLabels: { app: b } }\n  ingress:\n    - ports: [{ port: 8080 }]\n';
    const dir2 = writeTemp('np-b.yaml', `${await readText(dir1)}---\n${policy}`);
    const r = await run('--diff', dir1, dir2);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      'diff-type: changed, source: default/a[Pod], destination: default/b[Pod], dir1:  All Connections, dir2: TCP 8080',
    );
    expect(r.out).toContain(
      'diff-type: changed, source: 0.0.0.0-255.255.255.255, destination: default/b[Pod], dir1:  All Connections, dir2: TCP 8080',
    );
  });

  it('reports manifest problems with file and line, and exits 2 when nothing can be read', async () => {
    const bad = writeTemp(
      'np-bad.yaml',
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: x }\nspec:\n  podSelector: {}\n  policyTypes: [Sideways]\n',
    );
    const r = await run(bad);
    expect(r.err).toMatch(/np-bad\.yaml:6: NetworkPolicy default\/x: spec\.policyTypes\.0: /);
    expect((await run('/nonexistent/folder')).code).toBe(2);
  });
});

async function readText(path: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  return readFile(path, 'utf8');
}

describe('aksnet netpol on a design', () => {
  it("reads the Kubernetes layer of the design's cluster (seed 004 drawn in a design)", async () => {
    const doc = JSON.parse(readFileSync('examples/seed-kubenet.json', 'utf8'));
    const c = doc.design.clusters[0];
    c.networkPolicy = 'calico';
    c.namespaces = [{ id: 'ns1', name: 'demo', labels: {} }];
    const pod = (id: string, labels: Record<string, string>) => ({
      id,
      kind: 'Pod',
      name: id,
      namespace: 'demo',
      labels,
      replicas: 1,
      ports: [],
    });
    c.workloads = [
      pod('pod1', { app: 'hello-world', role: 'backend' }),
      pod('pod2', { app: 'hello-world', role: 'backend' }),
      pod('pod3', { app: 'hello-world', role: 'frontend' }),
      pod('pod4', {}),
    ];
    c.networkPolicies = readFileSync('fixtures/k8s/seed-004/policies.yaml', 'utf8')
      .split('---\n')
      .map((yaml, i) => ({
        id: `np${i}`,
        name: i ? 'backend-policy' : 'restrict-all-traffic',
        namespace: 'demo',
        yaml,
      }));
    const file = writeTemp('np-design.json', doc);
    expect((await run(file, '--from', 'pod3', '--to', 'pod2', '--port', '80')).code).toBe(0);
    expect((await run(file, '--from', 'pod4', '--to', 'pod2', '--port', '80')).code).toBe(1);
    expect((await run(file, '--from', 'pod1', '--to', 'pod2', '--port', '80')).code).toBe(1);
    expect((await run(file)).out).toContain('demo/pod3[Pod] => demo/pod2[Pod] : All Connections');
  });
});
