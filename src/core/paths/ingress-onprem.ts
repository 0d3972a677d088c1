/**
 * On-premises clients to an internal load balancer frontend: in through the virtual network gateway (straight
 * into the VNet, or to a firewall when the GatewaySubnet routes the node subnet there), back by the node
 * subnet's route for the client's range. Both directions must cross the same firewall, or neither: a stateful
 * firewall drops a reply whose request it never saw.
 * https://learn.microsoft.com/azure/firewall/integrate-lb#asymmetric-routing
 * https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview#user-defined
 */
import { firstUsableIp, formatIp, parseCidr } from '../cidr';
import { nodeIpsOfPool } from '../ipam/node-ips';
import { designIndex } from '../design-index';
import type { Cluster, Design, LbFrontend, LoadBalancer, NodePool, OnPremSite } from '../model';
import type { Plan } from '../plan-types';
import { nextHopRoute } from '../routes/next-hop';
import type { EffectiveRoute } from '../routes/route-types';
import { admit, admitProbes, toPods, trace, type MissingNsgRule } from './ingress-hops';
import type { Hop, Trace } from './trace-types';

const ASYM_URL = 'https://learn.microsoft.com/azure/firewall/integrate-lb#asymmetric-routing';

const describe = (r: EffectiveRoute | null) =>
  r ? `${r.prefix} → ${r.nextHopType}${r.nextHopIp ? ` ${r.nextHopIp}` : ''} (${r.note})` : 'no route';

/** A client address of the site: the first usable address of its first prefix. */
function clientOf(site: OnPremSite): string | null {
  const p = parseCidr(site.addressPrefixes[0] ?? '');
  return p.ok ? formatIp(firstUsableIp(p.range)) : null;
}

export function onPremIngress(
  design: Design,
  plan: Pick<Plan, 'clusters'>,
  cluster: Cluster,
  pool: NodePool,
  lb: LoadBalancer,
  f: LbFrontend,
  missing: MissingNsgRule[],
): Trace[] {
  const out: Trace[] = [];
  const target = f.privateIp ?? nodeIpsOfPool(design, plan, pool.id)[0];
  if (!target) return out;
  for (const site of design.onPremSites) {
    const client = clientOf(site);
    if (!client) continue;
    const hops: Hop[] = [
      {
        kind: 'gateway',
        resourceId: site.id,
        label: `${site.gateway.type} gateway from ${site.name} (client ${client})`,
        decidedBy: `${site.name} prefixes ${site.addressPrefixes.join(', ')}`,
      },
    ];
    const done = (ok: boolean, blocked = false) =>
      out.push(trace(`on-premises ${site.name}`, `${lb.name}/${f.name}`, hops, ok, `${client} (no SNAT)`, blocked));
    // Inbound: the gateway forwards by its own subnet's routes.
    const gwVnet = designIndex(design).vnet.get(site.gateway.vnetId);
    const gwSubnet = gwVnet?.subnets.find((s) => s.purpose === 'gateway');
    const inbound = gwSubnet ? nextHopRoute(design, gwSubnet.id, target, plan) : null;
    if (!inbound || !['VnetLocal', 'VNetPeering', 'VirtualAppliance'].includes(inbound.nextHopType)) {
      hops.push({
        kind: 'drop',
        resourceId: gwSubnet?.id,
        label: `the gateway cannot reach ${target}`,
        decidedBy: gwSubnet
          ? `${gwSubnet.name}: ${describe(inbound)}`
          : `no GatewaySubnet in the gateway VNet of ${site.name}`,
      });
      done(false);
      continue;
    }
    const inViaAppliance = inbound.nextHopType === 'VirtualAppliance';
    if (inViaAppliance)
      hops.push({
        kind: 'firewall',
        label: `appliance ${inbound.nextHopIp}`,
        decidedBy: `${gwSubnet!.name}: ${describe(inbound)}`,
      });
    hops.push({
      kind: 'load-balancer',
      resourceId: lb.id,
      label: `internal frontend ${f.privateIp ?? '(dynamic)'} port ${f.port}`,
      decidedBy: `Service ${f.namespace}/${f.name} (type LoadBalancer, internal)`,
    });
    // On-premises prefixes learned through a gateway belong to the VirtualNetwork service tag.
    const okProbe = admitProbes(design, pool.nodeSubnetId, f.targetPort, hops, missing);
    const okClient = admit(
      design,
      pool.nodeSubnetId,
      { tag: 'VirtualNetwork', ip: client },
      f.port,
      `VirtualNetwork to TCP ${f.port}`,
      hops,
      missing,
    );
    if (!okProbe || !okClient) {
      done(false, true);
      continue;
    }
    toPods(cluster, pool, f.targetPort, hops);
    const reply = nextHopRoute(design, pool.nodeSubnetId, client, plan);
    const outViaAppliance = reply?.nextHopType === 'VirtualAppliance';
    const replyOk =
      reply !== null &&
      (reply.nextHopType === 'VirtualNetworkGateway' || outViaAppliance) &&
      outViaAppliance === inViaAppliance;
    if (!replyOk) {
      const why =
        reply && (reply.nextHopType === 'VirtualNetworkGateway' || outViaAppliance)
          ? `asymmetric: the request came ${inViaAppliance ? 'through' : 'around'} the appliance, the reply goes ${outViaAppliance ? 'through' : 'around'} it`
          : `the node subnet has no route back to ${site.name}`;
      hops.push({
        kind: 'drop',
        resourceId: pool.nodeSubnetId,
        label: `reply dropped: ${why}`,
        decidedBy: describe(reply),
        learnUrl: ASYM_URL,
      });
      done(false);
      continue;
    }
    hops.push({ kind: 'destination', resourceId: site.id, label: `reply to ${client}`, decidedBy: describe(reply) });
    done(true);
  }
  return out;
}
