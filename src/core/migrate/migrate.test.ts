import { freeze } from 'immer';
import { describe, expect, it } from 'vitest';
import { oneClusterDesign } from '../ipam/test-design';
import type { Design, RouteTable } from '../model';
import { computePlan } from '../plan';
import { MIGRATION_AZ_FLAGS } from './commands';
import { podCidrPrefixFor } from './design';
import { applyMigration, planMigration } from './plan-migration';
import { MIGRATION_PRECONDITIONS } from './preconditions';
import type { MigrationPlan } from './types';

const kubenet = (extra: Parameters<typeof oneClusterDesign>[0] = {}) =>
  oneClusterDesign({
    nodeCidr: '10.240.0.0/24',
    ...extra,
    cluster: { networkPlugin: 'kubenet', podCidr: '10.244.0.0/16', ...extra.cluster },
    pool: { autoscale: { min: 3, max: 20 }, ...extra.pool },
  });

const migrate = (d: Design, to: 'overlay' | 'cilium', podCidr?: string): MigrationPlan =>
  planMigration(d, 'aks', to, podCidr ? { podCidr } : {})!;
const ids = (m: MigrationPlan, severity: string) => m.checks.filter((c) => c.severity === severity).map((c) => c.id);
const nodes = (m: MigrationPlan) => m.subnets.find((s) => s.subnetId === 'nodes')!;

function withRouteTable(d: Design, table: RouteTable): Design {
  d.routeTables.push(table);
  d.vnets[0]!.subnets[0]!.routeTableId = table.id;
  return d;
}

describe('kubenet to Azure CNI Overlay', () => {
  it('keeps the node addresses, keeps the pod CIDR and drops the kubenet routes', () => {
    const m = migrate(kubenet(), 'overlay');
    expect(m.possible).toBe(true);
    // Autoscaler max 20 + 1 surge = 21 nodes; both models take one node-subnet address per node.
    // /24: 256 − 5 reserved = 251 usable; 251 − 21 = 230 free, before and after.
    expect(nodes(m)).toMatchObject({ usable: 251, usedBefore: 21, usedAfter: 21, freeBefore: 230, freeAfter: 230 });
    // kubenet: one route per node at peak, 21; Overlay needs none.
    expect(m.before.kubenetRoutes).toBe(21);
    expect(m.after.kubenetRoutes).toBeUndefined();
    // /16 pod CIDR: 65,536 / 256 per node = 256 nodes, on both sides (the CIDR is kept).
    expect(m.before.podCidrCapacityNodes).toBe(256);
    expect(m.after).toMatchObject({ model: 'azure-cni-overlay', podCidr: '10.244.0.0/16', podCidrCapacityNodes: 256 });
    // The pod CIDR stays, so the update does not pass --pod-cidr.
    expect(m.commands.map((c) => c.text)).toEqual([
      'az aks update --resource-group "$RESOURCE_GROUP" --name aks-one --network-plugin azure --network-plugin-mode overlay',
    ]);
    // Nodes keep kubenet's 110 pods each rather than taking Overlay's default of 250.
    expect(m.design.clusters[0]!.nodePools[0]!.maxPods).toBe(110);
    expect(ids(m, 'info')).toContain('migrate-kubenet-retirement');
    expect(ids(m, 'info')).toContain('migrate-overlay-managed-route-table');
  });

  it('AGIC stays: Learn sets no AGIC limit on Overlay, so the migration runs and says what a Helm AGIC needs', () => {
    const d = kubenet();
    d.vnets[0]!.subnets.push({ id: 'agw', name: 'snet-agw', cidr: '10.240.10.0/24', purpose: 'app-gateway' });
    d.appGateways.push({
      id: 'gw',
      name: 'agw-one',
      sku: 'Standard_v2',
      subnetId: 'agw',
      minCapacity: 0,
      maxCapacity: 2,
      agicClusterId: 'aks',
    });
    const m = migrate(d, 'overlay');
    expect(m.possible).toBe(true);
    const agic = m.checks.find((c) => c.id === 'migrate-overlay-agic')!;
    expect(agic).toMatchObject({
      severity: 'info',
      subjectId: 'gw',
      learnUrl: 'https://learn.microsoft.com/azure/application-gateway/ingress-controller-overview',
    });
    expect(agic.message).toContain('AGIC deployed with Helm supports Overlay from release 1.8.0');
    expect(ids(m, 'warning')).not.toContain('migrate-overlay-agic');
  });

  it('removes the kubenet route table from the plan of the migrated design', () => {
    const m = migrate(kubenet(), 'overlay');
    expect(computePlan(kubenet()).clusters.aks!.kubenetRouteCount).toBe(21);
    expect(computePlan(m.design).clusters.aks!.kubenetRouteCount).toBeUndefined();
  });

  it('detaches a route table of its own before the update and drops the association', () => {
    const d = withRouteTable(kubenet(), { id: 'rt', name: 'rt-aks', disableBgpRoutePropagation: false, routes: [] });
    const m = migrate(d, 'overlay');
    expect(m.commands.map((c) => c.argv.slice(0, c.argv.indexOf('--resource-group')).join(' '))).toEqual([
      'network vnet subnet update',
      'aks update',
    ]);
    expect(m.commands[0]!.text).toBe(
      'az network vnet subnet update --resource-group "$RESOURCE_GROUP" --vnet-name vnet-spoke --name snet-nodes --remove routeTable',
    );
    expect(m.design.vnets[0]!.subnets[0]!.routeTableId).toBeUndefined();
    expect(m.changes).toContain('route table rt-aks no longer associated with subnet snet-nodes');
    expect(ids(m, 'warning')).toEqual(
      expect.arrayContaining(['migrate-overlay-route-table', 'migrate-overlay-identity']),
    );
  });

  it('attaches a route table with routes of its own again after the update', () => {
    const route = { id: 'r0', name: 'to-fw', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance' as const };
    const d = withRouteTable(kubenet(), {
      id: 'rt',
      name: 'rt-egress',
      disableBgpRoutePropagation: false,
      routes: [{ ...route, nextHopIpAddress: '10.240.1.4' }],
    });
    const m = migrate(d, 'overlay');
    expect(m.commands.map((c) => c.argv.at(-2))).toEqual(['--remove', '--network-plugin-mode', '--route-table']);
    expect(m.design.vnets[0]!.subnets[0]!.routeTableId).toBe('rt');
  });

  it('uninstalls Calico first and leaves the cluster with no policy engine', () => {
    const m = migrate(kubenet({ cluster: { networkPolicy: 'calico' } }), 'overlay');
    expect(m.commands[0]!.argv.slice(-2)).toEqual(['--network-policy', 'none']);
    expect(m.design.clusters[0]!.networkPolicy).toBe('none');
    expect(ids(m, 'warning')).toContain('migrate-overlay-network-policy');
  });
});

describe('Azure CNI (node subnet) to Overlay', () => {
  const cni = () => oneClusterDesign({});

  it('frees the pod addresses of the node subnet and picks a free pod CIDR', () => {
    const m = migrate(cni(), 'overlay');
    // 3 nodes + 1 surge = 4; legacy Azure CNI reserves maxPods 30 + 1 per node: 4 × 31 = 124 addresses.
    // /22: 1,024 − 5 = 1,019 usable; free 1,019 − 124 = 895 before, 1,019 − 4 = 1,015 after.
    expect(nodes(m)).toMatchObject({ usable: 1019, usedBefore: 124, usedAfter: 4, freeBefore: 895, freeAfter: 1015 });
    expect(m.before.vnetAddresses).toBe(124);
    expect(m.after.vnetAddresses).toBe(4);
    // The VNet is 10.240.0.0/16 and the service CIDR 10.0.0.0/16: the default 10.244.0.0/16 overlaps neither.
    expect(m.after.podCidr).toBe('10.244.0.0/16');
    expect(m.commands.at(-1)!.argv.slice(-2)).toEqual(['--pod-cidr', '10.244.0.0/16']);
    expect(m.design.clusters[0]!.nodePools[0]!.maxPods).toBe(30);
  });

  it('takes the next free /16 when the default range is inside the VNet', () => {
    const d = cni();
    d.vnets[0]!.addressSpaces = ['10.240.0.0/12'];
    // 10.244.0.0/14 lies in 10.240.0.0/12; in 10.0.0.0/8 the service CIDR holds 10.0.0.0/16, so 10.1.0.0/16.
    expect(migrate(d, 'overlay').after.podCidr).toBe('10.1.0.0/16');
  });

  it('sizes the pod CIDR for every node at one /24 each', () => {
    // 256 nodes fit a /16 (65,536 / 256); 301 need a /15 (131,072 / 256 = 512).
    expect(podCidrPrefixFor(256)).toBe(16);
    expect(podCidrPrefixFor(301)).toBe(15);
    const m = migrate(oneClusterDesign({ nodeCidr: '10.240.0.0/18', pool: { count: 300 } }), 'overlay');
    expect(m.after).toMatchObject({ podCidr: '10.244.0.0/15', podCidrCapacityNodes: 512 });
  });

  it('refuses a pod CIDR that overlaps the VNet, and changes nothing', () => {
    const d = cni();
    const m = migrate(d, 'overlay', '10.240.128.0/17');
    expect(m.possible).toBe(false);
    expect(ids(m, 'blocker')).toEqual(['migrate-overlay-pod-cidr-overlap']);
    expect(m.checks.find((c) => c.severity === 'blocker')!.message).toContain('VNet vnet-spoke (10.240.0.0/16)');
    expect(m.commands).toEqual([]);
    expect(m.design).toBe(d);
  });

  it('blocks a design the migration would break: an Overlay node label over 63 characters', () => {
    const d = cni();
    d.vnets[0]!.name = 'v'.repeat(64);
    const m = migrate(d, 'overlay');
    expect(m.possible).toBe(false);
    expect(m.checks.find((c) => c.id === 'migrate-design-error')!.message).toContain('overlay-name-length');
  });

  it('blocks a pod subnet, an old Kubernetes version, and a cluster already on Overlay', () => {
    const pod = oneClusterDesign({ cluster: { podIpAllocation: 'dynamicPodSubnet' }, pool: { podSubnetId: 'pods' } });
    expect(ids(migrate(pod, 'overlay'), 'blocker')).toEqual(['migrate-overlay-source']);
    expect(ids(migrate(oneClusterDesign({ cluster: { kubernetesVersion: '1.26.6' } }), 'overlay'), 'blocker')).toEqual([
      'migrate-overlay-kubernetes-version',
    ]);
    const overlay = oneClusterDesign({ cluster: { networkPluginMode: 'overlay', podCidr: '10.244.0.0/16' } });
    expect(migrate(overlay, 'overlay').checks[0]!.message).toBe('aks-one already uses Azure CNI Overlay');
  });

  it('replays on a draft to the same design', () => {
    const d = cni();
    const draft = structuredClone(d);
    applyMigration(draft, migrate(draft, 'overlay'));
    expect(draft).toEqual(migrate(d, 'overlay').design);
  });

  it('never changes the design it reads', () => {
    const d = freeze(cni(), true);
    const copy = JSON.stringify(d);
    expect(migrate(d, 'overlay').possible).toBe(true);
    expect(JSON.stringify(d)).toBe(copy);
  });
});

describe('Azure NPM to Cilium', () => {
  it('swaps the dataplane and the policy engine and keeps the addresses', () => {
    const m = migrate(oneClusterDesign({ cluster: { networkPolicy: 'azure' } }), 'cilium');
    expect(m.commands.map((c) => c.argv.slice(-2))).toEqual([['--network-dataplane', 'cilium']]);
    expect(m.design.clusters[0]).toMatchObject({ networkDataplane: 'cilium', networkPolicy: 'cilium' });
    // The IPAM mode stays Azure CNI (node subnet): 4 × 31 = 124 addresses on both sides.
    expect(nodes(m)).toMatchObject({ usedBefore: 124, usedAfter: 124 });
    expect(ids(m, 'warning')).toContain('migrate-cilium-policy-engine');
  });

  it('takes kubenet through Overlay first, as two operations', () => {
    const m = migrate(kubenet(), 'cilium');
    expect(m.stages).toEqual(['overlay', 'cilium']);
    expect(m.commands.map((c) => c.stage)).toEqual(['overlay', 'cilium']);
    expect(m.design.clusters[0]).toMatchObject({ networkPluginMode: 'overlay', networkDataplane: 'cilium' });
  });

  it('blocks Windows pools', () => {
    const m = migrate(oneClusterDesign({ pool: { osType: 'Windows', name: 'win1' } }), 'cilium');
    expect(ids(m, 'blocker')).toEqual(['migrate-cilium-windows']);
  });
});

describe('migration commands and preconditions', () => {
  it('write only flags of the current azure-cli', () => {
    const d = withRouteTable(kubenet({ cluster: { networkPolicy: 'calico' } }), {
      id: 'rt',
      name: 'rt',
      disableBgpRoutePropagation: false,
      routes: [{ id: 'r', name: 'r', addressPrefix: '0.0.0.0/0', nextHopType: 'Internet' }],
    });
    const all = [...migrate(d, 'cilium').commands, ...migrate(oneClusterDesign({}), 'overlay').commands];
    expect(all.length).toBeGreaterThan(4);
    for (const c of all) {
      const name = c.argv
        .slice(
          0,
          c.argv.findIndex((t) => t.startsWith('--')),
        )
        .join(' ');
      const flags = c.argv.filter((t) => t.startsWith('--'));
      for (const f of flags) expect(MIGRATION_AZ_FLAGS[name], `${name} ${f}`).toContain(f);
    }
  });

  it('have unique ids, each with a Learn page', () => {
    const list = MIGRATION_PRECONDITIONS.map((p) => p.id);
    expect(new Set(list).size).toBe(list.length);
    for (const p of MIGRATION_PRECONDITIONS) expect(p.learnUrl).toMatch(/^https:\/\/learn\.microsoft\.com\//);
  });
});
