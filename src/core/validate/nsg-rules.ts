/**
 * The traffic AKS itself needs through subnet NSGs, evaluated rule by rule (paths/nsg-eval.ts): Azure CNI Overlay's
 * node and pod CIDR flows, and API Server VNet Integration's ports on the API server subnet.
 */
import { designIndex } from '../design-index';
import type { Cluster, Design, Id, Nsg } from '../model';
import { nsgOf, subnetParty } from '../paths/ingress-hops';
import { evaluateFlow, type NsgFlow, type NsgParty } from '../paths/nsg-eval';
import { defineRule, type AnyRule } from './rule';

const OVERLAY_NSG_URL =
  'https://learn.microsoft.com/azure/aks/concepts-network-azure-cni-overlay#network-security-groups';
const APISERVER_NSG_URL = 'https://learn.microsoft.com/azure/aks/api-server-vnet-integration#nsg-security-rules';

const ALL_PORTS = { low: 0, high: 65535 };

interface Need {
  flow: NsgFlow;
  /** What the flow is, for the message: "node → pod CIDR". */
  what: string;
  from: string;
  to: string;
}

const label = (p: NsgParty): string => p.cidr ?? p.tag ?? '*';

function need(direction: NsgFlow['direction'], what: string, src: NsgParty, dst: NsgParty): Need {
  return { flow: { direction, protocol: '*', ports: ALL_PORTS, src, dst }, what, from: label(src), to: label(dst) };
}

/**
 * The flows Learn lists for an overlay cluster, as the NSG of node subnet `sid` sees them: node ↔ node (every
 * node subnet of the cluster), node → pod CIDR and pod → pod CIDR, inbound to the subnet and outbound from it.
 */
function overlayNeeds(d: Design, c: Cluster, sid: Id, nodeSubnets: Id[]): Need[] {
  const here = subnetParty(d, sid);
  const pods: NsgParty = { cidr: c.podCidr! };
  const nodes = nodeSubnets.map((id) => subnetParty(d, id));
  return [
    ...nodes.map((n) => need('Inbound', 'node → node', n, here)),
    ...nodes.map((n) => need('Outbound', 'node → node', here, n)),
    ...nodes.map((n) => need('Inbound', 'node → pod CIDR', n, pods)),
    need('Outbound', 'node → pod CIDR', here, pods),
    need('Inbound', 'pod CIDR → pod CIDR', pods, pods),
    need('Outbound', 'pod CIDR → pod CIDR', pods, pods),
  ];
}

type Denied = {
  cluster: string;
  nsg: string;
  subnet: string;
  what: string;
  direction: string;
  from: string;
  to: string;
  rule: string;
};

function denial(nsg: Nsg, n: Need, rule: string, cluster: string, subnet: string): Denied {
  return { cluster, nsg: nsg.name, subnet, what: n.what, direction: n.flow.direction, from: n.from, to: n.to, rule };
}

export const NSG_RULES: readonly AnyRule[] = [
  defineRule<Denied>({
    id: 'overlay-nsg-pod-traffic',
    family: 'nsg-blocks-required',
    severity: 'error',
    summary:
      'With Azure CNI Overlay, node subnet NSGs with deny rules still allow node ↔ node, node → pod CIDR and pod ↔ pod CIDR on all ports and protocols.',
    learnUrl: OVERLAY_NSG_URL,
    message: (p) =>
      `${p.nsg} on ${p.subnet} denies ${p.what} (${p.direction} ${p.from} → ${p.to}) with ${p.rule}; overlay ` +
      `pod traffic is not encapsulated, so ${p.cluster} needs node ↔ node, node → pod CIDR and pod ↔ pod CIDR on ` +
      `all ports and protocols: add an allow rule ${p.from} → ${p.to}, protocol *, ports *, ahead of the deny`,
    check: ({ design }, report) => {
      const { subnet } = designIndex(design);
      for (const c of design.clusters) {
        if (c.networkPlugin !== 'azure' || c.networkPluginMode !== 'overlay' || !c.podCidr) continue;
        const nodeSubnets = [...new Set(c.nodePools.map((p) => p.nodeSubnetId))].filter((id) => subnet.has(id));
        for (const sid of nodeSubnets) {
          const nsg = nsgOf(design, sid);
          if (!nsg) continue;
          for (const n of overlayNeeds(design, c, sid, nodeSubnets)) {
            // Learn asks for these rules only when a deny applies: Azure's default rules do not block them.
            const v = evaluateFlow(nsg, n.flow, false);
            if (v && !v.allowed) report(nsg.id, denial(nsg, n, v.rule, c.name, subnet.get(sid)!.subnet.name));
          }
        }
      }
    },
  }),
  defineRule<Denied>({
    id: 'apiserver-subnet-nsg',
    family: 'nsg-blocks-required',
    severity: 'error',
    summary:
      'The API server subnet NSG allows TCP 443 and 4443 from the cluster subnet and TCP 9988 from AzureLoadBalancer.',
    learnUrl: APISERVER_NSG_URL,
    message: (p) =>
      `${p.nsg} on API server subnet ${p.subnet} blocks ${p.what} (${p.from} → ${p.to}) with ${p.rule}; API Server ` +
      `VNet Integration of ${p.cluster} needs TCP 443 and 4443 from the cluster subnet and TCP 9988 from ` +
      `AzureLoadBalancer: add an inbound allow rule ahead of the deny`,
    check: ({ design }, report) => {
      const { subnet } = designIndex(design);
      for (const c of design.clusters) {
        const sid = c.apiServerVnetIntegration ? c.apiServerSubnetId : undefined;
        const nsg = sid ? nsgOf(design, sid) : undefined;
        if (!sid || !nsg) continue;
        const here = subnetParty(design, sid);
        const tcp = (src: NsgParty, port: number): Need => ({
          flow: { direction: 'Inbound', protocol: 'Tcp', ports: { low: port, high: port }, src, dst: here },
          what: `TCP ${port}`,
          from: label(src),
          to: label(here),
        });
        const nodes = [...new Set(c.nodePools.map((p) => p.nodeSubnetId))].filter((id) => subnet.has(id));
        const needs = [
          ...nodes.flatMap((id) => [tcp(subnetParty(design, id), 443), tcp(subnetParty(design, id), 4443)]),
          tcp({ tag: 'AzureLoadBalancer' }, 9988),
        ];
        for (const n of needs) {
          const v = evaluateFlow(nsg, n.flow)!;
          if (!v.allowed) report(nsg.id, denial(nsg, n, v.rule, c.name, subnet.get(sid)!.subnet.name));
        }
      }
    },
  }),
];
