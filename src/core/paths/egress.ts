/**
 * Egress traces: from a node pool's pods (or any subnet) to the Internet or an address, hop by hop, with each
 * route or rule that decided the hop, every source NAT and the source address the destination sees.
 * https://learn.microsoft.com/azure/aks/egress-outboundtype
 */
import { designIndex } from '../design-index';
import { nodeIpsOfPool } from '../ipam/node-ips';
import { clusterAddressing, networkModelOf, usesPodCidr } from '../ipam/defaults';
import type { Cluster, Design, Id, NodePool } from '../model';
import type { Plan } from '../plan-types';
import { nextHopRoute } from '../routes/next-hop';
import { firewallAt, siteOfIp, subnetById, subnetOfIp, type SubnetHit } from './locate';
import { internetExit } from './egress-exit';
import { firewallInternetExit } from './egress-firewall';
import type { Hop, Trace } from './trace-types';

/** Stands for "the Internet" in route lookups: a documentation address matched only by 0.0.0.0/0. */
export const INTERNET_PROBE = '203.0.113.10';
const OUTBOUND_URL = 'https://learn.microsoft.com/azure/aks/egress-outboundtype';
const MAX_HOPS = 8;

interface Start {
  hit: SubnetHit;
  cluster?: Cluster;
  pool?: NodePool;
  sourceIp: string;
}

function startOf(design: Design, plan: Pick<Plan, 'clusters'>, fromId: Id, hops: Hop[]): Start | null {
  const cluster = designIndex(design).clusterOfPool.get(fromId);
  const pool = designIndex(design).pool.get(fromId);
  if (cluster && pool) {
    const hit = subnetById(design, pool.nodeSubnetId);
    if (!hit) return null;
    const nodeIp = nodeIpsOfPool(design, plan, pool.id)[0] ?? hit.subnet.cidr;
    const model = networkModelOf(cluster);
    if (usesPodCidr(model)) {
      const podRange = clusterAddressing(cluster).podCidr;
      hops.push({
        kind: 'pod',
        resourceId: pool.id,
        label: `pod in ${pool.name} (IP from pod CIDR ${podRange})`,
        decidedBy: `${model}: pods use a private pod CIDR`,
      });
      hops.push({
        kind: 'node',
        resourceId: pool.id,
        label: `node ${nodeIp} in ${hit.subnet.name}`,
        decidedBy: 'traffic leaving the pod CIDR is translated to the node IP',
        snat: { from: 'pod IP', to: nodeIp },
        learnUrl:
          model === 'kubenet'
            ? 'https://learn.microsoft.com/azure/aks/configure-kubenet'
            : 'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay',
      });
      return { hit, cluster, pool, sourceIp: nodeIp };
    }
    const podSubnet = pool.podSubnetId ? subnetById(design, pool.podSubnetId) : null;
    const where = podSubnet ? podSubnet.subnet.name : hit.subnet.name;
    hops.push({
      kind: 'pod',
      resourceId: pool.id,
      label: `pod in ${pool.name} (VNet IP from ${where})`,
      decidedBy: podSubnet
        ? `${model}: pods leave with their own address from ${where}, whose route table and NAT gateway decide their egress`
        : `${model}: pods have VNet addresses`,
      ...(podSubnet
        ? { learnUrl: 'https://learn.microsoft.com/azure/aks/configure-azure-cni-dynamic-ip-allocation' }
        : {}),
    });
    return { hit: podSubnet ?? hit, cluster, pool, sourceIp: `pod IP in ${where}` };
  }
  const hit = subnetById(design, fromId);
  if (!hit) return null;
  hops.push({
    kind: 'subnet',
    resourceId: hit.subnet.id,
    label: `a VM in ${hit.subnet.name}`,
    decidedBy: 'trace starts in the subnet',
  });
  return { hit, sourceIp: `an address in ${hit.subnet.cidr}` };
}

export function traceEgress(design: Design, plan: Pick<Plan, 'clusters'>, fromId: Id, to: 'internet' | string): Trace {
  const hops: Hop[] = [];
  const dest = to === 'internet' ? INTERNET_PROBE : to;
  const trace: Trace = { from: fromId, to, hops, sourceIpSeen: null, outcome: 'dropped', findings: [] };
  const start = startOf(design, plan, fromId, hops);
  if (!start) {
    hops.push({ kind: 'drop', label: `unknown source ${fromId}`, decidedBy: 'no node pool or subnet has this id' });
    return trace;
  }
  let at = start.hit;
  const source = start.sourceIp;
  for (let i = 0; i < MAX_HOPS; i++) {
    const chosen = nextHopRoute(design, at.subnet.id, dest, plan);
    if (!chosen) {
      hops.push({
        kind: 'drop',
        resourceId: at.subnet.id,
        label: 'no route',
        decidedBy: `no route in ${at.subnet.name} matches ${dest}`,
      });
      return trace;
    }
    const by = `${at.subnet.name}: ${chosen.prefix} → ${chosen.nextHopType}${chosen.nextHopIp ? ` ${chosen.nextHopIp}` : ''} (${chosen.note})`;
    switch (chosen.nextHopType) {
      case 'None':
        hops.push({
          kind: 'drop',
          resourceId: at.subnet.id,
          label: `dropped in ${at.subnet.name}`,
          decidedBy: by,
          learnUrl: 'https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview#default',
        });
        return trace;
      case 'VnetLocal':
      case 'VNetPeering': {
        const target = subnetOfIp(design, dest);
        const kind = chosen.nextHopType === 'VNetPeering' ? 'peering' : 'subnet-route';
        hops.push({
          kind,
          resourceId: target?.vnet.id,
          label: target ? `${target.subnet.name} in ${target.vnet.name}` : `address space of ${chosen.note}`,
          decidedBy: by,
        });
        const pe = design.privateEndpoints.find((e) => e.privateIp === dest);
        if (pe)
          return deliver(
            trace,
            dest,
            source,
            pe.id,
            `private endpoint ${pe.name} (${pe.groupId} of ${pe.targetName}) at ${dest}`,
          );
        return deliver(trace, dest, source, target?.subnet.id);
      }
      case 'VirtualNetworkGateway': {
        const site = siteOfIp(design, dest);
        hops.push({
          kind: 'gateway',
          resourceId: site?.id,
          label: site ? `${site.gateway.type} gateway to ${site.name}` : 'virtual network gateway',
          decidedBy: by,
        });
        return deliver(trace, dest, source, site?.id);
      }
      case 'Internet': {
        // The cluster's outbound type only governs its own subnets; an appliance further on leaves by its own means.
        const own = at.subnet.id === start.hit.subnet.id;
        const exit = internetExit(
          design,
          plan,
          at,
          own ? start.cluster : undefined,
          source,
          dest,
          own ? undefined : hops.at(-1),
        );
        hops.push(...exit.hops);
        trace.findings.push(...exit.findings);
        if (!exit.sourceIpSeen) return trace;
        return deliver(trace, dest, exit.sourceIpSeen, undefined, to === 'internet' ? 'the Internet' : dest);
      }
      case 'VirtualAppliance': {
        const ip = chosen.nextHopIp ?? '';
        const fw = firewallAt(design, ip);
        const hit = subnetOfIp(design, ip);
        if (!hit) {
          hops.push({ kind: 'drop', label: `next hop ${ip} is in no subnet`, decidedBy: by });
          return trace;
        }
        const internet = subnetOfIp(design, dest) === null && siteOfIp(design, dest) === null;
        if (!fw) {
          hops.push({
            kind: 'appliance',
            resourceId: hit.subnet.id,
            label: `network virtual appliance ${ip} in ${hit.subnet.name}`,
            decidedBy: by,
          });
          at = hit;
          break;
        }
        // The firewall sends Internet traffic out by its own subnet's means: a NAT gateway there, or its public IPs.
        const exit = internet ? firewallInternetExit(design, plan, fw, hit, dest, source) : null;
        hops.push({
          kind: 'firewall',
          resourceId: fw.id,
          label: `Azure Firewall ${fw.name} (${ip})`,
          decidedBy: by,
          ...(exit?.snatAtFirewall ? { snat: exit.snatAtFirewall } : {}),
          learnUrl: 'https://learn.microsoft.com/azure/aks/limit-egress-traffic',
        });
        at = hit;
        if (exit) {
          hops.push(...exit.hops);
          if (!exit.seen) return trace;
          return deliver(trace, dest, exit.seen, undefined, to === 'internet' ? 'the Internet' : dest);
        }
        break;
      }
    }
  }
  hops.push({ kind: 'drop', label: 'routing loop', decidedBy: `more than ${MAX_HOPS} hops`, learnUrl: OUTBOUND_URL });
  return trace;
}

function deliver(trace: Trace, dest: string, source: string, resourceId?: string, label?: string): Trace {
  trace.hops.push({
    kind: 'destination',
    ...(resourceId ? { resourceId } : {}),
    label: label ?? dest,
    decidedBy: `delivered; source seen: ${source}`,
  });
  trace.sourceIpSeen = source;
  trace.outcome = 'delivered';
  return trace;
}
