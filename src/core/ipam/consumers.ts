/**
 * Who takes addresses in which subnet: the itemised consumption behind every subnet's numbers. Each item
 * carries its arithmetic so tables and tooltips can show how the number was reached.
 */
import type { Design, Id } from '../model';
import type { ClusterPlan, ConsumptionItem } from '../plan-types';
import { APISERVER_RESERVED_IPS } from './defaults';
import { podIpsPerNode } from './pools';

export type ItemsBySubnet = Map<Id, ConsumptionItem[]>;

function push(map: ItemsBySubnet, subnetId: Id | undefined, item: ConsumptionItem): void {
  if (!subnetId || item.count <= 0) return;
  const list = map.get(subnetId);
  if (list) list.push(item);
  else map.set(subnetId, [item]);
}

/** `count` addresses an element takes in its subnet (one unless said), with how the count is reached. */
const item = (
  kind: ConsumptionItem['kind'],
  label: string,
  sourceId: Id,
  count = 1,
  formula = String(count),
): ConsumptionItem => ({ kind, label, count, sourceId, formula });

/** Node and pod addresses of every node pool. */
function addPools(design: Design, clusters: Record<Id, ClusterPlan>, map: ItemsBySubnet): void {
  for (const cluster of design.clusters) {
    const cp = clusters[cluster.id];
    if (!cp) continue;
    cluster.nodePools.forEach((pool, i) => {
      const pp = cp.pools[i]!;
      const max = pool.autoscale ? `autoscaler max ${pp.maxNodes}` : `${pp.maxNodes} nodes`;
      push(map, pool.nodeSubnetId, {
        kind: 'nodes',
        label: `${cluster.name}/${pool.name} nodes (${max})`,
        count: pp.maxNodes,
        sourceId: pool.id,
        formula: `${pp.maxNodes} × 1`,
      });
      push(map, pool.nodeSubnetId, {
        kind: 'surge-nodes',
        label: `${cluster.name}/${pool.name} upgrade surge`,
        count: pp.surge,
        sourceId: pool.id,
        formula: pool.maxSurge ? `max surge ${pool.maxSurge} of ${pp.maxNodes} = ${pp.surge}` : 'default max surge 1',
      });
      const perNode = podIpsPerNode(cp.model, pp.maxPods);
      if (perNode === 0) return;
      const target = cp.model === 'azure-cni-node-subnet' ? pool.nodeSubnetId : pool.podSubnetId;
      const how =
        cp.model === 'azure-cni-pod-subnet-static'
          ? `${pp.blocksPerNode} /28 blocks = ${perNode}`
          : cp.model === 'azure-cni-pod-subnet-dynamic'
            ? `${pp.maxPods} max pods in batches of 16 = ${perNode}`
            : `${pp.maxPods} max pods`;
      push(map, target, {
        kind: 'pods',
        label: `${cluster.name}/${pool.name} pods`,
        count: pp.peakNodes * perNode,
        sourceId: pool.id,
        formula: `(${pp.maxNodes} + ${pp.surge} surge) × ${how}`,
      });
    });
  }
}

/** The node subnet of a cluster's first System pool (where AKS puts internal LB frontends by default). */
export function defaultNodeSubnetOf(design: Design, clusterId: Id): Id | undefined {
  const c = design.clusters.find((x) => x.id === clusterId);
  if (!c) return undefined;
  return (c.nodePools.find((p) => p.mode === 'System') ?? c.nodePools[0])?.nodeSubnetId;
}

function addServices(design: Design, map: ItemsBySubnet): void {
  for (const lb of design.loadBalancers) {
    if (lb.type !== 'internal') continue;
    const n = lb.frontends.length;
    push(map, lb.subnetId ?? defaultNodeSubnetOf(design, lb.clusterId), {
      kind: 'ilb-frontends',
      label: `${lb.name} frontends`,
      count: n,
      sourceId: lb.id,
      formula: `${n} frontend${n === 1 ? '' : 's'} × 1`,
    });
  }
  for (const gw of design.appGateways) {
    // App Gateway v2 takes one private address per instance, sized for max capacity.
    push(map, gw.subnetId, {
      kind: 'appgw-instances',
      label: `${gw.name} instances (max ${gw.maxCapacity})`,
      count: gw.maxCapacity,
      sourceId: gw.id,
      formula: `${gw.maxCapacity} instances × 1`,
    });
    if (gw.privateFrontendIp)
      push(map, gw.subnetId, item('appgw-private-frontend', `${gw.name} private frontend`, gw.id));
  }
  for (const fw of design.firewalls) {
    const scales = '1 (the service scales out inside the /26 Azure requires)';
    push(map, fw.subnetId, item('firewall', `${fw.name} private IP`, fw.id, 1, scales));
    push(map, fw.managementSubnetId, item('firewall', `${fw.name} management IP`, fw.id));
  }
  for (const pe of design.privateEndpoints) {
    push(map, pe.subnetId, item('private-endpoints', pe.name, pe.id));
  }
  for (const g of design.appGatewaysForContainers) {
    // Each association needs "a subnet with at least 250 available IP addresses":
    // https://learn.microsoft.com/azure/application-gateway/for-containers/quickstart-create-application-gateway-for-containers-managed-by-alb-controller
    const association = 'at least 250 available for the association';
    push(map, g.subnetId, item('agc-association', `${g.name} association`, g.id, 250, association));
  }
  for (const b of design.bastions) {
    // Bastion runs two instances by default (two scale units).
    push(map, b.subnetId, item('bastion', `${b.name} instances`, b.id, 2, '2 instances'));
  }
}

function addPlatform(design: Design, map: ItemsBySubnet): void {
  for (const c of design.clusters) {
    if (c.apiServerVnetIntegration) {
      push(map, c.apiServerSubnetId, {
        kind: 'apiserver',
        label: `${c.name} API server`,
        count: APISERVER_RESERVED_IPS,
        sourceId: c.id,
        formula: `at least ${APISERVER_RESERVED_IPS} reserved by AKS`,
      });
    } else if (c.privateCluster) {
      // Without VNet integration a private cluster reaches its API server through a private endpoint in the
      // cluster's node subnet.
      push(map, defaultNodeSubnetOf(design, c.id), {
        kind: 'private-cluster-endpoint',
        label: `${c.name} API server private endpoint`,
        count: 1,
        sourceId: c.id,
        formula: '1',
      });
    }
  }
  const gatewayVnets = new Set(design.onPremSites.map((s) => s.gateway.vnetId));
  for (const vnet of design.vnets) {
    if (!gatewayVnets.has(vnet.id)) continue;
    const subnet = vnet.subnets.find((s) => s.purpose === 'gateway');
    const site = design.onPremSites.find((s) => s.gateway.vnetId === vnet.id)!;
    // A virtual network gateway runs two instances (active-standby or active-active).
    push(map, subnet?.id, {
      kind: 'gateway',
      label: `${site.gateway.type} gateway instances`,
      count: 2,
      sourceId: site.id,
      formula: '2 instances',
    });
  }
}

export function collectConsumers(design: Design, clusters: Record<Id, ClusterPlan>): ItemsBySubnet {
  const map: ItemsBySubnet = new Map();
  addPools(design, clusters, map);
  addServices(design, map);
  addPlatform(design, map);
  return map;
}
