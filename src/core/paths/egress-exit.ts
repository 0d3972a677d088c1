/**
 * How traffic routed to the Internet (next hop Internet) leaves Azure: a NAT gateway on the subnet wins;
 * otherwise the cluster's outbound type decides (load balancer outbound rules, a managed NAT gateway, or
 * nothing for userDefinedRouting and none). https://learn.microsoft.com/azure/aks/egress-outboundtype
 */
import type { Cluster, Design } from '../model';
import type { Finding, Plan } from '../plan-types';
import { firewallInternetExit } from './egress-firewall';
import { publicIpNames, type SubnetHit } from './locate';
import type { Hop } from './trace-types';

const OUTBOUND_URL = 'https://learn.microsoft.com/azure/aks/egress-outboundtype';
const NAT_URL = 'https://learn.microsoft.com/azure/aks/nat-gateway';
const DOA_URL = 'https://learn.microsoft.com/azure/virtual-network/ip-services/default-outbound-access';

/**
 * A VM with no explicit outbound method. New subnets are private (defaultOutboundAccess false from API
 * 2025-07-01; absent here means private): no implicit outbound IP, no Internet. Only a subnet that keeps default
 * outbound access gets Azure's implicit address, which Learn retires and which can change.
 */
function defaultOutbound(at: SubnetHit, hops: Hop[]): Exit {
  if (at.subnet.defaultOutboundAccess !== true) {
    hops.push({
      kind: 'drop',
      resourceId: at.subnet.id,
      label: 'no outbound path',
      decidedBy: `${at.subnet.name} is a private subnet (default outbound access is off for new subnets) with no NAT gateway, load balancer outbound rule or public IP: no implicit outbound IP, so no Internet; add a NAT gateway or route 0.0.0.0/0 to a firewall`,
      learnUrl: DOA_URL,
    });
    return { hops, findings: [], sourceIpSeen: null };
  }
  hops.push({
    kind: 'public-ip',
    resourceId: at.subnet.id,
    label: 'Azure default outbound access',
    decidedBy: `${at.subnet.name} sets defaultOutboundAccess and has no NAT gateway, load balancer or public IP for outbound: Azure's implicit default outbound IP, retired for new subnets and subject to change`,
    learnUrl: DOA_URL,
  });
  return { hops, findings: [], sourceIpSeen: 'an Azure-chosen default outbound IP' };
}

export interface Exit {
  hops: Hop[];
  findings: Finding[];
  sourceIpSeen: string | null;
}

export function internetExit(
  design: Design,
  plan: Pick<Plan, 'clusters'>,
  at: SubnetHit,
  cluster: Cluster | undefined,
  source: string,
  dest: string,
  previous?: Hop,
): Exit {
  const hops: Hop[] = [];
  const out = (seen: string | null): Exit => ({ hops, findings: [], sourceIpSeen: seen });
  if (at.subnet.purpose === 'firewall') {
    const fw = design.firewalls.find((f) => f.subnetId === at.subnet.id);
    if (fw) {
      const exit = firewallInternetExit(design, plan, fw, at, dest, source);
      const [first, ...rest] = exit.hops;
      // Starting in the firewall's subnet there is no firewall hop: its exit hop carries the translation.
      if (first) hops.push(exit.snatAtFirewall ? { ...first, snat: exit.snatAtFirewall } : first, ...rest);
      return out(exit.seen);
    }
  }
  if (at.subnet.natGatewayId) {
    const nat = design.natGateways.find((n) => n.id === at.subnet.natGatewayId);
    const pips = `public IP ${publicIpNames(design, nat?.publicIpIds ?? [])} of NAT gateway ${nat?.name ?? at.subnet.natGatewayId}`;
    hops.push({
      kind: 'nat-gateway',
      resourceId: nat?.id,
      label: `NAT gateway ${nat?.name ?? ''} on ${at.subnet.name}`,
      decidedBy: 'a NAT gateway on the subnet takes all outbound Internet traffic',
      snat: { from: source, to: pips },
      learnUrl: NAT_URL,
    });
    return out(pips);
  }
  if (!cluster && previous?.kind === 'appliance') {
    // An NVA forwards Internet traffic out of its own NIC: its instance public IP (or a load balancer in front).
    const seen = `the public IP of ${previous.label}`;
    hops.push({
      kind: 'public-ip',
      resourceId: at.subnet.id,
      label: seen,
      decidedBy: `${at.subnet.name}: the appliance SNATs to its own instance public IP, which it needs: ${at.subnet.defaultOutboundAccess === true ? 'default outbound access is retired' : `${at.subnet.name} is private, so Azure gives it no implicit outbound IP`}`,
      snat: { from: source, to: seen },
      learnUrl: DOA_URL,
    });
    return out(seen);
  }
  if (!cluster) return defaultOutbound(at, hops);
  switch (cluster.outboundType) {
    case 'loadBalancer': {
      const prof = cluster.loadBalancerProfile;
      const ips = prof?.outboundPublicIpIds?.length
        ? publicIpNames(design, prof.outboundPublicIpIds)
        : `${prof?.managedOutboundIpCount ?? 1} managed outbound IP(s)`;
      const seen = `${ips} of the ${cluster.name} load balancer`;
      hops.push({
        kind: 'load-balancer',
        resourceId: cluster.id,
        label: `Standard load balancer outbound rule (${cluster.name})`,
        decidedBy: 'outbound type loadBalancer',
        snat: { from: source, to: seen },
        learnUrl: OUTBOUND_URL,
      });
      return out(seen);
    }
    case 'managedNATGateway': {
      const seen = `${cluster.natGatewayManagedIpCount ?? 1} managed IP(s) of the AKS-managed NAT gateway`;
      hops.push({
        kind: 'nat-gateway',
        resourceId: cluster.id,
        label: 'AKS-managed NAT gateway',
        decidedBy: 'outbound type managedNATGateway',
        snat: { from: source, to: seen },
        learnUrl: NAT_URL,
      });
      return out(seen);
    }
    case 'userAssignedNATGateway':
      hops.push({
        kind: 'drop',
        resourceId: at.subnet.id,
        label: `no NAT gateway on ${at.subnet.name}`,
        decidedBy: 'outbound type userAssignedNATGateway needs a NAT gateway associated with the node subnet',
        learnUrl: NAT_URL,
      });
      return out(null);
    case 'userDefinedRouting':
      hops.push({
        kind: 'drop',
        resourceId: at.subnet.id,
        label: 'no outbound IP',
        decidedBy:
          'outbound type userDefinedRouting creates no outbound IP; 0.0.0.0/0 must go to a firewall or appliance',
        learnUrl: 'https://learn.microsoft.com/azure/aks/egress-udr',
      });
      return out(null);
    case 'none':
      hops.push({
        kind: 'drop',
        resourceId: cluster.id,
        label: 'no egress',
        decidedBy: 'outbound type none: the cluster has no outbound path',
        learnUrl: OUTBOUND_URL,
      });
      return out(null);
  }
}
