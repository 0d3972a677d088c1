/**
 * What the exports write where the design holds a combination AKS refuses at create time. The validator
 * reports each as an error; the exports still write a cluster that deploys and say why in a comment.
 */
import {
  maxPodsOf,
  networkModelOf,
  type Cluster,
  type Design,
  type NodePool,
  type OutboundType,
  type PublicIp,
} from '../core/index';

function nodeSubnetsHaveNat(d: Design, c: Cluster): boolean {
  const ids = new Set(c.nodePools.map((p) => p.nodeSubnetId).filter((id): id is string => !!id));
  if (ids.size === 0) return false;
  for (const v of d.vnets) for (const s of v.subnets) if (ids.has(s.id) && !s.natGatewayId) return false;
  return true;
}

export interface ExportedOutbound {
  outboundType: OutboundType;
  /** Set when the design's outbound type is not what the export writes. */
  note?: string;
}

/**
 * Every cluster here sits on a designed subnet, and AKS allows the managed NAT gateway only on a VNet it creates
 * itself ("Managed NAT gateway is incompatible with custom virtual networks"):
 * https://learn.microsoft.com/azure/aks/nat-gateway. The export writes the user-assigned NAT gateway when every
 * node subnet has one, the load balancer otherwise.
 */
export function exportedOutbound(d: Design, c: Cluster): ExportedOutbound {
  if (c.outboundType !== 'managedNATGateway') return { outboundType: c.outboundType };
  const nat = nodeSubnetsHaveNat(d, c);
  const outboundType: OutboundType = nat ? 'userAssignedNATGateway' : 'loadBalancer';
  return {
    outboundType,
    note: `the design asks for managedNATGateway, which AKS refuses on a designed subnet: written as ${outboundType}${
      nat ? ' (the node subnets have a NAT gateway)' : ' (no NAT gateway on the node subnets)'
    }`,
  };
}

/**
 * Authorized IP ranges apply to the public API server only; `az aks create` refuses them with a private cluster
 * ("You can't use this feature with private clusters"):
 * https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges
 */
export function exportedAuthorizedRanges(c: Cluster): string[] {
  return c.privateCluster ? [] : (c.authorizedIpRanges ?? []);
}

/**
 * The max pods the plan counted. Learn gives two defaults for pod-subnet clusters (110 on the planning page, 250
 * on the dynamic allocation page), so the value is always written rather than left to AKS.
 */
export function exportedMaxPods(c: Cluster, p: NodePool): number {
  return maxPodsOf(p, networkModelOf(c));
}

/**
 * Basic public IPs were retired on 30 September 2025 and can no longer be created:
 * https://learn.microsoft.com/azure/virtual-network/ip-services/public-ip-basic-upgrade-guidance
 */
export function exportedPipSku(p: PublicIp): 'Standard' | 'StandardV2' {
  return p.sku === 'Basic' ? 'Standard' : p.sku;
}
