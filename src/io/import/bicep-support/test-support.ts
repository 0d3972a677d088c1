/**
 * For the import tests: the Bicep parser in node, and the design as the exports can carry it (names instead of
 * ids, and each thing an export cannot write replaced by what an import reads back). Each replacement says why.
 */
import {
  DEFAULT_POD_CIDR,
  designIndex,
  maxPodsOf,
  networkModelOf,
  usesPodCidr,
  type Design,
  type Subnet,
  type SubnetPurpose,
} from '../../../core/index';
import { getParser } from '../../../../cli/bicep-syntax';
import { exportedAuthorizedRanges, exportedOutbound, exportedPipSku } from '../../../export/export-fallbacks';
import type { BicepParser } from '../bicep';

export async function bicepParser(): Promise<BicepParser> {
  return (await getParser()) as unknown as BicepParser;
}

/** What the Bicep export cannot carry, named for the round-trip test. */
export const NOT_CARRIED = [
  'element ids and canvas layout',
  'load balancers (Kubernetes Services: the k8s export writes them)',
  'on-premises sites (the export creates no gateways)',
  'the Kubernetes layer (namespaces, workloads, NetworkPolicies)',
  "a firewall's and a private endpoint's private IP (Azure assigns them)",
  'the cluster an Application Gateway for Containers serves (the ALB Controller is configured in the cluster)',
  'the purpose of a subnet nothing uses, unless its name or delegation fixes it',
  'the managed NAT gateway IP count (the export writes a user-assigned NAT gateway or the load balancer)',
  'an element whose required subnet is not in the design, and references to elements not in it',
  'a firewall with no public IP (the export puts its subnet on the first public IP configuration)',
  'a slash in the name of a child resource (a peering, an AGC association or frontend): Azure names cannot hold one',
  'a second resource of one type with a name already used (Azure names are unique in a resource group)',
  'what the exports change on purpose: Basic public IPs, managedNATGateway, authorized ranges of private clusters',
];

type Named = { id: string; name: string };
const nameMap = (xs: Named[]) => new Map(xs.map((x) => [x.id, x.name]));

function firstByName<T extends { name: string }>(xs: T[]): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => !seen.has(x.name.toLowerCase()) && !!seen.add(x.name.toLowerCase()));
}

/** One element per name, as Azure keeps one resource per type and name in a resource group. */
function uniqueNames(d: Design): Design {
  const out = { ...d };
  for (const k of [
    'vnets',
    'clusters',
    'appGateways',
    'firewalls',
    'natGateways',
    'publicIps',
    'routeTables',
    'nsgs',
    'privateEndpoints',
    'bastions',
    'appGatewaysForContainers',
  ] as const)
    (out[k] as { name: string }[]) = firstByName(d[k] as { name: string }[]);
  out.vnets = out.vnets.map((v) => ({ ...v, subnets: firstByName(v.subnets) }));
  out.routeTables = out.routeTables.map((t) => ({ ...t, routes: firstByName(t.routes) }));
  // The export writes rules by priority: the first of two equal names is then the one of lower priority.
  out.nsgs = out.nsgs.map((n) => ({ ...n, rules: firstByName([...n.rules].sort((a, b) => a.priority - b.priority)) }));
  out.clusters = out.clusters.map((c) => ({ ...c, nodePools: firstByName(c.nodePools) }));
  // Child resources (peerings, AGC frontends) are named "parent/child": a slash in the child's name cannot be read back.
  // Each peering is two child resources, "local/name" and "remote/name-return": the first to take a key keeps it.
  const vnetName = new Map(d.vnets.map((v) => [v.id, v.name.toLowerCase()]));
  const taken = new Set<string>();
  out.peerings = d.peerings.filter((p) => {
    // The export skips a peering whose VNet is not in the design; it takes no key.
    if (p.name.includes('/') || !vnetName.has(p.localVnetId) || !vnetName.has(p.remoteVnetId)) return false;
    const keys = [`${vnetName.get(p.localVnetId)}/${p.name}`, `${vnetName.get(p.remoteVnetId)}/${p.name}-return`];
    if (keys.some((k) => taken.has(k.toLowerCase()))) return false;
    keys.forEach((k) => taken.add(k.toLowerCase()));
    return true;
  });
  out.appGatewaysForContainers = out.appGatewaysForContainers
    .filter((g) => !g.associationName.includes('/'))
    .map((g) => ({
      ...g,
      frontends: firstByName(g.frontends.filter((f) => !f.name.includes('/'))),
    }));
  return out;
}

/** The design by names, with what NOT_CARRIED lists normalised away; `original` for the design that was exported. */
export function carried(design: Design, original = false): unknown {
  const d = uniqueNames(design);
  // References name their target as the import resolves them: by name, so a duplicate's id reads as the first one.
  const idx = designIndex(design);
  const subnetName = (id?: string) => {
    const hit = id ? idx.subnet.get(id) : undefined;
    return hit ? `${hit.vnet.name}/${hit.subnet.name}` : undefined;
  };
  const n = nameMap([
    ...design.publicIps,
    ...design.nsgs,
    ...design.routeTables,
    ...design.natGateways,
    ...design.vnets,
    ...design.clusters,
  ]);
  // Bicep has no purpose field: the name fixes the special subnets, then what uses the subnet (the last use read
  // wins, in the import's order), then an AKS delegation; anything else reads back as general.
  const use = new Map<string, SubnetPurpose>();
  for (const g of d.appGateways) use.set(subnetName(g.subnetId) ?? '', 'app-gateway');
  for (const b of d.bastions) use.set(subnetName(b.subnetId) ?? '', 'bastion');
  for (const p of d.privateEndpoints) use.set(subnetName(p.subnetId) ?? '', 'private-endpoints');
  for (const c of d.clusters) {
    for (const p of c.nodePools) {
      if (!subnetName(p.nodeSubnetId)) continue;
      if (p.podSubnetId && subnetName(p.podSubnetId)) use.set(subnetName(p.podSubnetId) ?? '', 'aks-pods');
      use.set(subnetName(p.nodeSubnetId) ?? '', 'aks-nodes');
    }
    if (c.apiServerVnetIntegration && c.apiServerSubnetId) use.set(subnetName(c.apiServerSubnetId) ?? '', 'apiserver');
  }
  const special: Record<string, SubnetPurpose> = {
    azurefirewallsubnet: 'firewall',
    azurefirewallmanagementsubnet: 'firewall-management',
    gatewaysubnet: 'gateway',
    azurebastionsubnet: 'bastion',
  };
  const purposeOf = (s: Subnet): SubnetPurpose =>
    special[s.name.toLowerCase()] ??
    use.get(subnetName(s.id) ?? '') ??
    (s.delegation === 'Microsoft.ContainerService/managedClusters' ? 'apiserver' : 'general');
  // A resource in a subnet the import reads, by its subnet's name and without its id, with `more` fields replaced.
  const inSubnet = <T extends { id: string; subnetId: string }>(xs: T[], more: (x: T) => object) =>
    xs
      .filter((x) => subnetName(x.subnetId))
      .map((x) => ({ ...x, id: undefined, subnetId: subnetName(x.subnetId), ...more(x) }));
  const agicOf = new Map(d.clusters.map((c) => [c.id, idx.appGatewaysOfCluster.get(c.id)?.[0]?.id]));
  return {
    location: d.location,
    vnets: d.vnets.map((v) => ({
      name: v.name,
      addressSpaces: v.addressSpaces,
      subnets: v.subnets.map((s) => ({
        name: s.name,
        cidr: s.cidr,
        purpose: purposeOf(s),
        delegation: s.delegation,
        nsg: n.get(s.nsgId ?? ''),
        routeTable: n.get(s.routeTableId ?? ''),
        nat: n.get(s.natGatewayId ?? ''),
        pen: s.privateEndpointNetworkPolicies,
      })),
    })),
    peerings: d.peerings
      .filter((p) => n.has(p.localVnetId) && n.has(p.remoteVnetId))
      .map((p) => ({ ...p, id: undefined, localVnetId: n.get(p.localVnetId), remoteVnetId: n.get(p.remoteVnetId) })),
    publicIps: d.publicIps.map((p) => ({
      name: p.name,
      sku: exportedPipSku(p),
      zones: p.zones?.length ? p.zones : undefined,
    })),
    natGateways: d.natGateways.map((x) => ({
      name: x.name,
      sku: x.sku ?? 'Standard',
      idle: x.idleTimeoutMinutes,
      pips: x.publicIpIds.flatMap((id) => n.get(id) ?? []),
    })),
    nsgs: d.nsgs.map((x) => ({
      name: x.name,
      rules: [...x.rules].sort((a, b) => a.priority - b.priority).map((r) => ({ ...r, id: undefined })),
    })),
    routeTables: d.routeTables.map((t) => ({
      ...t,
      id: undefined,
      routes: t.routes.map((r) => ({
        ...r,
        id: undefined,
        nextHopIpAddress: r.nextHopType === 'VirtualAppliance' ? r.nextHopIpAddress : undefined,
      })),
    })),
    firewalls: d.firewalls
      .filter((x) => subnetName(x.subnetId) && (!original || x.publicIpIds.length > 0))
      .map((f) => ({
        name: f.name,
        tier: f.tier,
        subnet: subnetName(f.subnetId),
        mgmt: subnetName(f.managementSubnetId),
        pips: f.publicIpIds.flatMap((id) => n.get(id) ?? []),
        dnsProxy: f.dnsProxy,
        dnat: f.publicIpIds.length ? f.dnatRules : [],
      })),
    appGateways: inSubnet(d.appGateways, (g) => ({
      publicIpId: n.get(g.publicIpId ?? ''),
      agicClusterId: g.agicClusterId && agicOf.get(g.agicClusterId) === g.id ? n.get(g.agicClusterId) : undefined,
    })),
    bastions: inSubnet(d.bastions, (b) => ({ publicIpId: n.get(b.publicIpId ?? '') })),
    privateEndpoints: inSubnet(d.privateEndpoints, () => ({ privateIp: undefined })),
    agc: d.appGatewaysForContainers
      .filter((x) => subnetName(x.subnetId))
      .map((g) => ({
        name: g.name,
        subnet: subnetName(g.subnetId),
        association: g.associationName,
        frontends: g.frontends.map((f) => f.name),
      })),
    clusters: d.clusters.map((c) => {
      const model = networkModelOf(c);
      const outbound = exportedOutbound(d, c).outboundType;
      const pods = c.nodePools.some((p) => subnetName(p.nodeSubnetId) && subnetName(p.podSubnetId));
      const lb = c.loadBalancerProfile;
      return {
        name: c.name,
        kubernetesVersion: c.kubernetesVersion,
        plugin: c.networkPlugin,
        mode: c.networkPluginMode,
        dataplane: c.networkDataplane,
        policy: c.networkPolicy,
        podIpAllocation: pods
          ? model === 'azure-cni-pod-subnet-static'
            ? 'staticBlock'
            : 'dynamicPodSubnet'
          : 'nodeSubnet',
        podCidr: usesPodCidr(c) ? (c.podCidr ?? DEFAULT_POD_CIDR) : undefined,
        serviceCidr: c.serviceCidr,
        dns: c.dnsServiceIp,
        outbound,
        lb:
          outbound === 'loadBalancer' && lb
            ? {
                // With outbound IPs the export writes no managed count: the import reads its default, 1.
                count: lb.outboundPublicIpIds?.length ? 1 : lb.managedOutboundIpCount,
                pips: lb.outboundPublicIpIds?.flatMap((id) => n.get(id) ?? []).join(',') || undefined,
                ports: lb.allocatedOutboundPorts,
                idle: lb.idleTimeoutMinutes,
              }
            : undefined,
        private: c.privateCluster,
        zone: c.privateCluster ? c.privateDnsZone : undefined,
        vnetIntegration: c.apiServerVnetIntegration,
        apiSubnet: c.apiServerVnetIntegration ? subnetName(c.apiServerSubnetId) : undefined,
        ranges: exportedAuthorizedRanges(c).length ? exportedAuthorizedRanges(c) : undefined,
        tier: c.tier ?? 'free',
        pools: c.nodePools
          .filter((p) => subnetName(p.nodeSubnetId))
          .map((p) => ({
            ...p,
            id: undefined,
            maxPods: maxPodsOf(p, model),
            nodeSubnetId: subnetName(p.nodeSubnetId),
            podSubnetId: subnetName(p.podSubnetId),
            zones: p.zones?.length ? p.zones : undefined,
          })),
      };
    }),
  };
}
