/**
 * Every count in a design file is bounded by Azure's documented limit (src/core/limits.ts cites each page). A file
 * is refused past 1,000 nodes per pool, 250 pods per node and a surge count of a pool's 1,000 nodes (the editor's
 * fields stop there too); it loads with a warning past 5,000 nodes or 100 pools per cluster and 200 authorized IP
 * ranges (2,000 with API Server VNet Integration), limits an edit can cross.
 */
import { describe, expect, it } from 'vitest';
import { computePlan, effectiveRoutes, kubenetRoutes, MAX_LISTED_NODE_IPS, nodeIpsOfPool } from '../core/index';
import { loadDocument } from './load';
import { decodeShareLink, encodeShareLink } from './share-link';
import { makeMinimalDocument, makeRawDocument } from './test-support';

type Raw = {
  design: {
    vnets: { addressSpaces: string[]; subnets: { cidr: string }[] }[];
    clusters: (Record<string, unknown> & { nodePools: Record<string, unknown>[] })[];
  };
};
const QUOTAS = 'https://learn.microsoft.com/azure/aks/quotas-skus-regions';
const RANGES = 'https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges';

function withRaw(edit: (r: Raw) => void): Record<string, unknown> {
  const raw = makeRawDocument();
  edit(raw as unknown as Raw);
  return raw;
}
const cluster = (r: Raw) => r.design.clusters[0]!;
const pool = (r: Raw) => cluster(r).nodePools[0]!;
const errorsOf = (raw: unknown) => {
  const r = loadDocument(raw);
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
};
/** Warnings of a document that loads (a refused one fails the test). */
const warningsOf = (raw: unknown) => {
  const r = loadDocument(raw);
  expect(r.ok ? [] : r.errors).toEqual([]);
  return r.ok ? r.warnings : [];
};
/** `n` copies of the minimal pool with their own ids and names. */
const pools = (r: Raw, n: number, fields: Record<string, unknown>) =>
  Array.from({ length: n }, (_, i) => ({ ...pool(r), id: `p${i}`, name: `pool${i}`, ...fields }));

describe('design file bounds: nodes', () => {
  it('takes 1,000 nodes in a pool and refuses 1,001, in the count and the autoscaler bounds', () => {
    expect(errorsOf(withRaw((r) => (pool(r).count = 1000)))).toEqual([]);
    expect(errorsOf(withRaw((r) => (pool(r).count = 1001)))).toEqual([
      `design.clusters[0].nodePools[0].count: expected an integer ≤ 1000, got 1001 (a node pool holds at most 1,000 nodes: ${QUOTAS})`,
    ]);
    expect(errorsOf(withRaw((r) => (pool(r).autoscale = { min: 1, max: 1001 })))).toEqual([
      `design.clusters[0].nodePools[0].autoscale.max: expected an integer ≤ 1000, got 1001 (a node pool holds at most 1,000 nodes: ${QUOTAS})`,
    ]);
  });

  // Limits across fields are warnings: each pool stays within its own bound in the editor, so a total past the
  // cluster's limit can come from an edit, and refusing it would make the editor's own autosave unreadable.
  it('loads 5,000 nodes across the pools of a cluster quietly and 5,001 with a warning naming the limit', () => {
    // 5 pools × 1,000 = 5,000: the limit exactly.
    expect(warningsOf(withRaw((r) => (cluster(r).nodePools = pools(r, 5, { count: 1000 }))))).toEqual([]);
    // 5 × 1,000 fixed + one autoscaled pool of 0 that may grow to 1 = 5,001: the autoscaler maximum counts.
    const over = withRaw((r) => {
      const extra = { ...pool(r), id: 'extra', name: 'extra', mode: 'User', count: 0, autoscale: { min: 0, max: 1 } };
      cluster(r).nodePools = [...pools(r, 5, { count: 1000 }), extra];
    });
    expect(warningsOf(over)).toEqual([
      `design.clusters[0].nodePools: the node pools add up to 5,001 nodes at their maximum; a cluster holds at most 5,000 across all node pools: ${QUOTAS}`,
    ]);
  });

  it('loads 100 node pools in a cluster quietly and 101 with a warning', () => {
    expect(warningsOf(withRaw((r) => (cluster(r).nodePools = pools(r, 100, { count: 1 }))))).toEqual([]);
    expect(warningsOf(withRaw((r) => (cluster(r).nodePools = pools(r, 101, { count: 1 }))))).toEqual([
      `design.clusters[0].nodePools: 101 node pools; a cluster holds at most 100: ${QUOTAS}`,
    ]);
  });
});

describe('design file bounds: pods, surge and authorized ranges', () => {
  it('takes 250 max pods per node under kubenet and Azure CNI, and refuses 251', () => {
    expect(errorsOf(withRaw((r) => (pool(r).maxPods = 250)))).toEqual([]);
    const cni = withRaw((r) => {
      cluster(r).networkPlugin = 'azure';
      delete cluster(r).podCidr;
      pool(r).maxPods = 250;
    });
    expect(errorsOf(cni)).toEqual([]);
    expect(errorsOf(withRaw((r) => (pool(r).maxPods = 251)))).toEqual([
      `design.clusters[0].nodePools[0].maxPods: expected an integer ≤ 250, got 251 (AKS allows at most 250 pods per node with kubenet and Azure CNI: ${QUOTAS})`,
    ]);
  });

  it('takes a surge count up to the 1,000 nodes of a pool and any percentage shape; refuses 999999', () => {
    for (const ok of ['0', '1', '1000', '33%', '100%'])
      expect(errorsOf(withRaw((r) => (pool(r).maxSurge = ok)))).toEqual([]);
    const message = 'a surge count cannot exceed the 1,000 nodes a pool holds; use a percentage for large pools';
    expect(errorsOf(withRaw((r) => (pool(r).maxSurge = '1001')))).toEqual([
      `design.clusters[0].nodePools[0].maxSurge: ${message} (got "1001")`,
    ]);
    expect(errorsOf(withRaw((r) => (pool(r).maxSurge = '999999')))).toEqual([
      `design.clusters[0].nodePools[0].maxSurge: ${message} (got "999999")`,
    ]);
  });

  it('loads 200 authorized IP ranges quietly, 2,000 with API Server VNet Integration, and warns past them', () => {
    const ranges = (n: number) => Array.from({ length: n }, (_, i) => `203.0.${Math.floor(i / 256)}.${i % 256}/32`);
    const message = `authorized IP ranges; the API server takes at most 200 without API Server VNet Integration, 2,000 with it: ${RANGES}`;
    expect(warningsOf(withRaw((r) => (cluster(r).authorizedIpRanges = ranges(200))))).toEqual([]);
    expect(warningsOf(withRaw((r) => (cluster(r).authorizedIpRanges = ranges(201))))).toEqual([
      `design.clusters[0].authorizedIpRanges: 201 ${message}`,
    ]);
    const integrated = (n: number) =>
      withRaw((r) => {
        cluster(r).apiServerVnetIntegration = true;
        cluster(r).authorizedIpRanges = ranges(n);
      });
    expect(warningsOf(integrated(2000))).toEqual([]);
    expect(warningsOf(integrated(2001))).toEqual([`design.clusters[0].authorizedIpRanges: 2,001 ${message}`]);
  });
});

describe('no count makes one plan unbounded', () => {
  /** The case that took 18 s: kubenet, one node, a surge of 999999, a /8 node subnet and a /8 pod CIDR. */
  function hostileSurgeDoc() {
    const doc = makeMinimalDocument();
    doc.design.vnets[0]!.addressSpaces = ['10.0.0.0/8'];
    doc.design.vnets[0]!.subnets[0]!.cidr = '10.0.0.0/8';
    const c = doc.design.clusters[0]!;
    c.podCidr = '100.0.0.0/8';
    c.serviceCidr = '172.16.0.0/16';
    c.dnsServiceIp = '172.16.0.10';
    c.nodePools[0]!.count = 1;
    c.nodePools[0]!.maxSurge = '999999';
    return doc;
  }

  it('a file or share link with a surge of 999999 is refused before planning, with the reason', () => {
    const message =
      'design.clusters[0].nodePools[0].maxSurge: a surge count cannot exceed the 1,000 nodes a pool holds; use a percentage for large pools (got "999999")';
    expect(errorsOf(hostileSurgeDoc())).toEqual([message]);
    const link = decodeShareLink(encodeShareLink(hostileSurgeDoc()));
    expect(link.ok ? [] : link.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([message]);
  });

  it('a design holding it anyway (edited in memory) plans the surge as the default 1 and says so', () => {
    const design = hostileSurgeDoc().design;
    const plan = computePlan(design);
    // An unusable surge falls back to Azure's default of one node: 1 + 1 = 2 at peak.
    expect(plan.clusters.aks1!.peakNodes).toBe(2);
    expect(plan.findings.filter((f) => f.subjectId === 'pool1' && f.message.includes('999999'))).toHaveLength(1);
  });

  it('a million nodes held in memory plan with at most 5,000 listed node addresses and kubenet routes', () => {
    const design = hostileSurgeDoc().design;
    design.clusters[0]!.nodePools[0]!.count = 1_000_000;
    delete design.clusters[0]!.nodePools[0]!.maxSurge;
    const plan = computePlan(design);
    // The arithmetic stays exact: 1,000,000 nodes + the default surge of 1.
    expect(plan.clusters.aks1!.peakNodes).toBe(1_000_001);
    // Listing stops at MAX_LISTED_NODE_IPS = 5,000 (Azure's nodes per cluster): 10.0.0.4 … 10.0.19.139.
    const ips = nodeIpsOfPool(design, plan, 'pool1');
    expect(ips).toHaveLength(MAX_LISTED_NODE_IPS);
    // 4 + 4,999 = 5,003 = 19 × 256 + 139.
    expect([ips[0], ips.at(-1)]).toEqual(['10.0.0.4', '10.0.19.139']);
    const routes = kubenetRoutes(design, plan, 'aks1');
    expect(routes).toHaveLength(5000);
    // The 5,000th node's /24: 100.0.0.0 + 4,999 × 256 = 100.0.0.0 + 1,279,744 = 100.19.135.0.
    expect(routes.at(-1)!.prefix).toBe('100.19.135.0/24');
    expect(effectiveRoutes(design, 'snet1', plan).filter((r) => r.note?.startsWith('kubenet'))).toHaveLength(5000);
  });

  it('the largest design the bounds allow loads from a share link and plans within the same listing bound', () => {
    const doc = hostileSurgeDoc();
    // 5 pools of 1,000 nodes with a surge of 1,000 each: 10,000 nodes at peak, every count at its limit.
    doc.design.clusters[0]!.nodePools = Array.from({ length: 5 }, (_, i) => ({
      ...doc.design.clusters[0]!.nodePools[0]!,
      id: `p${i}`,
      name: `pool${i}`,
      count: 1000,
      maxSurge: '1000',
      maxPods: 250,
    }));
    const link = decodeShareLink(encodeShareLink(doc));
    expect(link.ok).toBe(true);
    if (!link.ok) return;
    const plan = computePlan(link.doc.design);
    expect(plan.clusters.aks1!.peakNodes).toBe(10_000);
    // Pools take addresses in order: pool0 and pool1 fill 2,000 each, pool2 the last 1,000 of 5,000.
    const listed = ['p0', 'p1', 'p2', 'p3'].map((id) => nodeIpsOfPool(link.doc.design, plan, id).length);
    expect(listed).toEqual([2000, 2000, 1000, 0]);
    expect(kubenetRoutes(link.doc.design, plan, 'aks1')).toHaveLength(5000);
  });
});
