/**
 * Application Gateway for Containers: the network model of its cluster, and the delegated subnet of its
 * association. Sources:
 * - container networking (kubenet unsupported; with CNI Overlay the subnet is exactly a /24 holding one
 *   deployment, in the cluster's own VNet): https://learn.microsoft.com/azure/application-gateway/for-containers/container-networking
 * - components (one association per gateway; n gateways sharing a subnet need n × 256 addresses; a delegated
 *   subnet holds nothing but the delegated service): https://learn.microsoft.com/azure/application-gateway/for-containers/application-gateway-for-containers-components
 * - bring your own deployment (a /24 or larger, delegated to Microsoft.ServiceNetworking/trafficControllers):
 *   https://learn.microsoft.com/azure/application-gateway/for-containers/quickstart-create-application-gateway-for-containers-byo-deployment
 * The quickstart accepts a subnet larger than /24 and the networking page refuses one under Overlay: a larger
 * subnet is an error with Overlay (agc-overlay-subnet-24) and a warning with flat Azure CNI, whose upgrade to
 * Overlay would break it (agc-subnet-upgrade-24).
 */
import { parseCidr } from '../cidr';
import { KINDS, type RefSpec } from '../kinds';
import { refIds, walkElements } from '../elements';
import type { AppGatewayForContainers, Cluster, Design, Id, Subnet, Vnet } from '../model';
import { defineRule, type RuleContext } from './rule';
import { AGC_DELEGATION } from '../subnet-roles';

/** Addresses each association needs in its subnet (a /24 per gateway). */
export const AGC_ADDRESSES_PER_ASSOCIATION = 256;

const DOCS = 'https://learn.microsoft.com/azure/application-gateway/for-containers/';
const NETWORKING = `${DOCS}container-networking`;
const COMPONENTS = `${DOCS}application-gateway-for-containers-components`;
const BYO = `${DOCS}quickstart-create-application-gateway-for-containers-byo-deployment`;

interface Place {
  vnet: Vnet;
  subnet: Subnet;
}

interface Agc {
  agc: AppGatewayForContainers;
  where: Place;
  cluster?: Cluster;
}

interface AgcScope {
  gateways: Agc[];
  bySubnet: Map<Id, Agc[]>;
  places: Map<Id, Place>;
}

/** Every gateway with its subnet and cluster, once per run. */
function scope(ctx: RuleContext): AgcScope {
  return ctx.memo('agc', () => {
    const d = ctx.design;
    const places = new Map(
      d.vnets.flatMap((vnet) => vnet.subnets.map((subnet) => [subnet.id, { vnet, subnet }] as const)),
    );
    const gateways: Agc[] = [];
    const bySubnet = new Map<Id, Agc[]>();
    for (const agc of d.appGatewaysForContainers) {
      const where = places.get(agc.subnetId);
      if (!where) continue;
      const cluster = d.clusters.find((c) => c.id === agc.clusterId);
      const g: Agc = cluster ? { agc, where, cluster } : { agc, where };
      gateways.push(g);
      bySubnet.set(agc.subnetId, [...(bySubnet.get(agc.subnetId) ?? []), g]);
    }
    return { gateways, bySubnet, places };
  });
}

const isOverlay = (c: Cluster | undefined) => c?.networkPlugin === 'azure' && c.networkPluginMode === 'overlay';
const isFlatCni = (c: Cluster | undefined) => c?.networkPlugin === 'azure' && c.networkPluginMode !== 'overlay';
const prefixOf = (s: Subnet) => {
  const p = parseCidr(s.cidr);
  return p.ok ? p.range.prefix : undefined;
};

/** Everything other than a gateway's association that uses a subnet, by kind and name. */
function otherUsers(d: Design, subnetId: Id): string[] {
  const out: string[] = [];
  walkElements(d, ({ kind, element }) => {
    if (kind === 'agc') return;
    const refs = KINDS[kind].refs as readonly RefSpec[];
    if (refs.some((ref) => ref.to === 'subnet' && refIds(element, ref).some((r) => r.id === subnetId)))
      out.push(`${KINDS[kind].label} ${element.name}`);
  });
  return out;
}

export const agcKubenet = defineRule<{ agc: string; cluster: string }>({
  id: 'agc-kubenet',
  severity: 'error',
  summary: 'Application Gateway for Containers does not support kubenet clusters.',
  learnUrl: `${NETWORKING}#kubenet-and-application-gateway-for-containers`,
  message: (p) =>
    `${p.agc} serves ${p.cluster}, which uses kubenet: Application Gateway for Containers does not support kubenet; move the cluster to Azure CNI Overlay first`,
  check: (ctx, report) => {
    for (const { agc, cluster } of scope(ctx).gateways)
      if (cluster?.networkPlugin === 'kubenet') report(agc.id, { agc: agc.name, cluster: cluster.name });
  },
});

export const agcSubnetDelegation = defineRule<{ agc: string; subnet: string }>({
  id: 'agc-subnet-delegation',
  severity: 'error',
  summary: `The association subnet is delegated to ${AGC_DELEGATION}.`,
  learnUrl: BYO,
  message: (p) => `${p.subnet} holds the association of ${p.agc} but is not delegated to ${AGC_DELEGATION}`,
  check: (ctx, report) => {
    for (const { agc, where } of scope(ctx).gateways)
      if (where.subnet.delegation !== AGC_DELEGATION)
        report(where.subnet.id, { agc: agc.name, subnet: where.subnet.name });
  },
});

export const agcSubnetSize = defineRule<{ subnet: string; total: number; gateways: number }>({
  id: 'agc-subnet-size',
  severity: 'error',
  summary: 'Each association needs a /24 (256 addresses, at least 250 available) in its subnet.',
  learnUrl: COMPONENTS,
  message: (p) =>
    `${p.subnet} has ${p.total} addresses: ${p.gateways} Application Gateway for Containers association(s) need ${p.gateways} × ${AGC_ADDRESSES_PER_ASSOCIATION} = ${p.gateways * AGC_ADDRESSES_PER_ASSOCIATION} (a /24 or larger each)`,
  check: (ctx, report) => {
    for (const [subnetId, gateways] of scope(ctx).bySubnet) {
      const s = gateways[0]!.where.subnet;
      const prefix = prefixOf(s);
      if (prefix === undefined) continue;
      const total = 2 ** (32 - prefix);
      if (total < gateways.length * AGC_ADDRESSES_PER_ASSOCIATION)
        report(subnetId, { subnet: s.name, total, gateways: gateways.length });
    }
  },
});

export const agcSubnetDedicated = defineRule<{ subnet: string; others: string }>({
  id: 'agc-subnet-dedicated',
  severity: 'error',
  summary: 'A subnet delegated to Application Gateway for Containers holds nothing else.',
  learnUrl: `${COMPONENTS}#subnet-delegation`,
  message: (p) => `${p.subnet} is delegated to ${AGC_DELEGATION}, so it cannot also hold ${p.others}`,
  check: (ctx, report) => {
    for (const { subnet } of scope(ctx).places.values()) {
      if (subnet.delegation !== AGC_DELEGATION) continue;
      const others = otherUsers(ctx.design, subnet.id);
      if (others.length) report(subnet.id, { subnet: subnet.name, others: others.join(', ') });
    }
  },
});

type Larger = { subnet: string; prefix: number; cluster: string };
const larger = (ctx: RuleContext, model: (c: Cluster | undefined) => boolean) =>
  scope(ctx).gateways.flatMap(({ where, cluster }) => {
    const prefix = prefixOf(where.subnet);
    return cluster && model(cluster) && prefix !== undefined && prefix < 24
      ? [{ id: where.subnet.id, params: { subnet: where.subnet.name, prefix, cluster: cluster.name } }]
      : [];
  });

export const agcOverlaySubnet24 = defineRule<Larger>({
  id: 'agc-overlay-subnet-24',
  severity: 'error',
  summary: 'With Azure CNI Overlay the Application Gateway for Containers subnet is exactly a /24.',
  learnUrl: `${NETWORKING}#limitations`,
  message: (p) =>
    `${p.subnet} is a /${p.prefix}: with Azure CNI Overlay (${p.cluster}) the Application Gateway for Containers subnet must be exactly a /24`,
  check: (ctx, report) => larger(ctx, isOverlay).forEach((x) => report(x.id, x.params)),
});

export const agcSubnetUpgrade24 = defineRule<Larger>({
  id: 'agc-subnet-upgrade-24',
  severity: 'warning',
  summary: 'A subnet larger than /24 works with flat Azure CNI but not after an upgrade to Overlay.',
  learnUrl: `${NETWORKING}#faq`,
  message: (p) =>
    `${p.subnet} is a /${p.prefix}: fine with Azure CNI, but upgrading ${p.cluster} to Overlay would need it recreated as a /24`,
  check: (ctx, report) => larger(ctx, isFlatCni).forEach((x) => report(x.id, x.params)),
});

export const agcOverlaySubnetShared = defineRule<{ subnet: string; gateways: string }>({
  id: 'agc-overlay-subnet-shared',
  severity: 'error',
  summary: 'With Azure CNI Overlay one Application Gateway for Containers deployment per subnet.',
  learnUrl: `${NETWORKING}#limitations`,
  message: (p) =>
    `${p.subnet} holds the associations of ${p.gateways}: with Azure CNI Overlay only one deployment per subnet is supported`,
  check: (ctx, report) => {
    for (const [subnetId, gateways] of scope(ctx).bySubnet)
      if (gateways.length > 1 && gateways.some((g) => isOverlay(g.cluster)))
        report(subnetId, {
          subnet: gateways[0]!.where.subnet.name,
          gateways: gateways.map((g) => g.agc.name).join(', '),
        });
  },
});

export const agcOverlayPeered = defineRule<{ agc: string; vnet: string; cluster: string; nodeVnet: string }>({
  id: 'agc-overlay-peered',
  severity: 'error',
  summary: 'With Azure CNI Overlay the gateway is in the VNet of the cluster nodes, not a peered one.',
  learnUrl: `${NETWORKING}#limitations`,
  message: (p) =>
    `${p.agc} is in ${p.vnet} but ${p.cluster}'s nodes are in ${p.nodeVnet}: with Azure CNI Overlay a gateway in a peered VNet is not supported`,
  check: (ctx, report) => {
    const { gateways, places } = scope(ctx);
    for (const { agc, where, cluster } of gateways) {
      if (!cluster || !isOverlay(cluster)) continue;
      const nodeVnet = cluster.nodePools.map((p) => places.get(p.nodeSubnetId)?.vnet).find(Boolean);
      if (nodeVnet && nodeVnet.id !== where.vnet.id)
        report(agc.id, { agc: agc.name, vnet: where.vnet.name, cluster: cluster.name, nodeVnet: nodeVnet.name });
    }
  },
});

export const AGC_RULES = [
  agcKubenet,
  agcSubnetDelegation,
  agcSubnetSize,
  agcSubnetDedicated,
  agcOverlaySubnet24,
  agcSubnetUpgrade24,
  agcOverlaySubnetShared,
  agcOverlayPeered,
];
