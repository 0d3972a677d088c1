/**
 * The NetworkPolicy matrix at the size the issue names: 200 workloads in 10 namespaces under 50 policies (default
 * deny per namespace, label and namespace selectors, matchExpressions, ipBlocks, named ports). Times the full
 * matrix on a fresh world (index rebuilt) and one policy edit re-evaluated with updateMatrix.
 */
import { computeMatrix, updateMatrix, type K8sNetworkPolicy, type PolicyWorld, type Workload } from '../src/core/index';

let sink = 0;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function makePolicyWorld(workloads = 200, policies = 50): PolicyWorld {
  const nsCount = 10;
  const namespaces = Array.from({ length: nsCount }, (_, i) => ({
    name: `ns${i}`,
    labels: { team: `t${i % 3}`, env: i % 2 ? 'prod' : 'dev' },
  }));
  const tiers = ['web', 'api', 'db', 'cache'];
  const ws: Workload[] = Array.from({ length: workloads }, (_, i) => ({
    kind: 'Deployment',
    name: `app${i}`,
    namespace: `ns${i % nsCount}`,
    labels: { app: `app${i}`, tier: tiers[i % tiers.length]!, version: `v${i % 3}` },
    ports: [
      { name: 'http', containerPort: 8080 + (i % 4), protocol: 'TCP' },
      { name: 'metrics', containerPort: 9090, protocol: 'TCP' },
    ],
  }));
  const ps: K8sNetworkPolicy[] = [];
  for (let i = 0; i < policies; i++) {
    const namespace = `ns${i % nsCount}`;
    if (i < nsCount) {
      ps.push({ name: `default-deny-${i}`, namespace, podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
      continue;
    }
    const tier = tiers[i % tiers.length]!;
    const from = tiers[(i + 3) % tiers.length]!;
    ps.push({
      name: `allow-${tier}-${i}`,
      namespace,
      podSelector: { matchLabels: { tier } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [
        {
          from: [
            { podSelector: { matchLabels: { tier: from } } },
            {
              namespaceSelector: { matchLabels: { team: `t${i % 3}` } },
              podSelector: { matchExpressions: [{ key: 'version', operator: 'In', values: ['v0', 'v1'] }] },
            },
          ],
          ports: [{ port: 'http' }, { port: 9090 }],
        },
      ],
      egress: [
        { to: [{ namespaceSelector: {}, podSelector: { matchLabels: { tier: from } } }], ports: [{ port: 'http' }] },
        {
          to: [{ ipBlock: { cidr: '10.0.0.0/8', except: [`10.${i}.0.0/16`] } }],
          ports: [{ protocol: 'TCP', port: 443 }],
        },
        {
          to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } } }],
          ports: [{ protocol: 'UDP', port: 53 }],
        },
      ],
    });
  }
  return { namespaces, workloads: ws, policies: ps };
}

const WARMUP_MS = 500;

export async function run(): Promise<string> {
  const world = makePolicyWorld();
  const full: number[] = [];
  const edit: number[] = [];
  const start = performance.now();
  let i = 0;
  while (full.length < 15 || performance.now() - start < WARMUP_MS + 2000) {
    // A fresh world object each run: the index is rebuilt as it would be after loading.
    const w = { ...world, policies: [...world.policies] };
    let t0 = performance.now();
    const m = computeMatrix(w);
    const tf = performance.now() - t0;
    // One edit: a policy gains an ingress port.
    const k = 10 + (i++ % 40);
    const p = w.policies[k]!;
    const edited: PolicyWorld = {
      ...w,
      policies: w.policies.map((x, j) =>
        j === k ? { ...p, ingress: [...(p.ingress ?? []), { ports: [{ port: 7000 }] }] } : x,
      ),
    };
    t0 = performance.now();
    const m2 = updateMatrix(m, w, edited);
    const te = performance.now() - t0;
    sink += m.cells.length + m2.cells.length;
    if (performance.now() - start > WARMUP_MS) {
      full.push(tf);
      edit.push(te);
    }
    if (full.length > 200) break;
  }
  const n = world.workloads.length;
  return (
    `  ${n} workloads x ${world.policies.length} policies: full matrix (${n * n} cells) median ${median(full).toFixed(1)} ms (goal < 100 ms); ` +
    `one policy edit re-evaluated median ${median(edit).toFixed(1)} ms (goal < 16 ms)` +
    (sink < 0 ? '' : '')
  );
}
