/**
 * Application Gateway v2 subnets: the NSG rules the platform needs, which depend on network isolation (a private
 * gateway needs no GatewayManager rule, only AzureLoadBalancer), the /24 Learn recommends, and AGIC with kubenet,
 * whose pod routes live in the cluster's route table. The default route of the subnet: routing-checkers.ts.
 */
import { parseCidr, usableInSubnet } from '../cidr';
import { designIndex } from '../design-index';
import type { AppGateway, Cluster, Design, Subnet, Vnet } from '../model';
import { nsgOf, subnetParty } from '../paths/ingress-hops';
import { evaluateFlow, type NsgFlow, type NsgParty } from '../paths/nsg-eval';
import { resizeFix } from './checks-subnets';
import { defineRule, type AnyRule } from './rule';

const INFRA_URL = 'https://learn.microsoft.com/azure/application-gateway/configuration-infrastructure';
const NSG_URL = `${INFRA_URL}#network-security-groups`;
const PRIVATE_URL = 'https://learn.microsoft.com/azure/application-gateway/application-gateway-private-deployment';
const UDR_URL = `${INFRA_URL}#supported-user-defined-routes`;

/** The feature a subscription registers before it creates network-isolated gateways (Learn, link above). */
export const APPGW_ISOLATION_FEATURE = 'EnableApplicationGatewayNetworkIsolation';

interface GatewayAt {
  gw: AppGateway;
  subnet: Subnet;
  vnet: Vnet;
}

function gatewaysAt(d: Design): GatewayAt[] {
  const { subnet } = designIndex(d);
  return d.appGateways.flatMap((gw) => {
    const hit = subnet.get(gw.subnetId);
    return hit ? [{ gw, subnet: hit.subnet, vnet: hit.vnet }] : [];
  });
}

/** Whether every gateway on the subnet is network-isolated (a subnet with none is not). */
export function subnetIsolated(d: Design, subnetId: string): boolean {
  const gws = designIndex(d).appGatewaysOnSubnet.get(subnetId) ?? [];
  return gws.length > 0 && gws.every((g) => g.networkIsolation === true);
}

type Blocked = { nsg: string; subnet: string; gateway: string; rule: string };

/** The NSG verdict on a platform flow into the gateway's subnet, when the NSG blocks it. */
function blocked(d: Design, at: GatewayAt, src: NsgParty, ports: NsgFlow['ports']): Blocked | null {
  const nsg = nsgOf(d, at.subnet.id);
  if (!nsg) return null;
  const flow: NsgFlow = { direction: 'Inbound', protocol: 'Tcp', ports, src, dst: subnetParty(d, at.subnet.id) };
  const v = evaluateFlow(nsg, flow)!;
  return v.allowed ? null : { nsg: nsg.name, subnet: at.subnet.name, gateway: at.gw.name, rule: v.rule };
}

/** The route table of a kubenet cluster: the one on its node subnets (kubenet-route-table-per-cluster checks they agree). */
function kubenetTableOf(d: Design, c: Cluster): string | undefined {
  const { subnet } = designIndex(d);
  return c.nodePools.map((p) => subnet.get(p.nodeSubnetId)?.subnet.routeTableId).find((id) => id !== undefined);
}

/** The AGIC gateway of a kubenet cluster whose subnet lacks the cluster's route table, or null. */
export function agicKubenetGap(d: Design, gw: AppGateway): { cluster: Cluster; table?: string } | null {
  const c = gw.agicClusterId ? designIndex(d).cluster.get(gw.agicClusterId) : undefined;
  if (!c || c.networkPlugin !== 'kubenet') return null;
  const table = kubenetTableOf(d, c);
  const onGateway = designIndex(d).subnet.get(gw.subnetId)?.subnet.routeTableId;
  if (table !== undefined && onGateway === table) return null;
  return { cluster: c, ...(table !== undefined ? { table } : {}) };
}

const ALL_PORTS = { low: 0, high: 65535 };

export const APPGW_RULES: readonly AnyRule[] = [
  defineRule<Blocked>({
    id: 'appgw-gateway-manager-inbound',
    family: 'nsg-blocks-required',
    severity: 'error',
    summary:
      'An Application Gateway v2 without network isolation needs GatewayManager inbound on TCP 65200–65535 through its subnet NSG.',
    learnUrl: NSG_URL,
    message: (p) =>
      `${p.nsg} on ${p.subnet} blocks GatewayManager to TCP 65200–65535 (${p.rule}); Application Gateway ${p.gateway} ` +
      `(v2, no network isolation) needs it for its management: add an inbound allow rule from GatewayManager to ` +
      `65200-65535 ahead of the deny, or create the gateway with network isolation`,
    check: ({ design }, report) => {
      for (const at of gatewaysAt(design)) {
        if (at.gw.networkIsolation) continue;
        const b = blocked(design, at, { tag: 'GatewayManager' }, { low: 65200, high: 65535 });
        if (b) report(at.gw.id, b);
      }
    },
  }),
  defineRule<Blocked>({
    id: 'appgw-load-balancer-inbound',
    family: 'nsg-blocks-required',
    severity: 'error',
    summary:
      'Every Application Gateway v2 subnet NSG allows inbound from AzureLoadBalancer (health probes), with network isolation or without.',
    learnUrl: `${PRIVATE_URL}#network-security-group-control`,
    message: (p) =>
      `${p.nsg} on ${p.subnet} blocks AzureLoadBalancer to TCP 0–65535 (${p.rule}); Application Gateway ${p.gateway} ` +
      `needs "Allow inbound from AzureLoadBalancer" on every port for its health probes, isolated or not: add it ` +
      `ahead of the deny`,
    check: ({ design }, report) => {
      for (const at of gatewaysAt(design)) {
        const b = blocked(design, at, { tag: 'AzureLoadBalancer' }, ALL_PORTS);
        if (b) report(at.gw.id, b);
      }
    },
  }),
  defineRule<{ subnet: string; prefix: number; usable: number }>({
    id: 'appgw-subnet-size',
    severity: 'warning',
    summary: 'Learn recommends a /24 subnet for Application Gateway v2 (up to 125 instances).',
    learnUrl: `${INFRA_URL}#size-of-the-subnet`,
    message: (p) =>
      `Application Gateway subnet ${p.subnet} is a /${p.prefix} (2^(32 − ${p.prefix}) − 5 = ${p.usable} usable ` +
      `addresses); Learn recommends a /24 for v2: 125 instances + 1 private frontend + 5 reserved = 131 addresses`,
    check: ({ design }, report) => {
      const seen = new Set<string>();
      for (const { subnet, vnet } of gatewaysAt(design)) {
        const p = parseCidr(subnet.cidr);
        if (!p.ok || p.range.prefix <= 24 || seen.has(subnet.id)) continue;
        seen.add(subnet.id);
        const fix = resizeFix(vnet, subnet, 24);
        const params = { subnet: subnet.name, prefix: p.range.prefix, usable: usableInSubnet(p.range.prefix) };
        report(subnet.id, params, fix ? { fix } : {});
      }
    },
  }),
  defineRule<{ gateway: string }>({
    id: 'appgw-network-isolation-feature',
    severity: 'info',
    summary:
      'Network isolation comes from a subscription feature registered before the gateway is created; ARM and Bicep have no property for it.',
    learnUrl: PRIVATE_URL,
    message: (p) =>
      `${p.gateway} is network-isolated: register the subscription feature ${APPGW_ISOLATION_FEATURE} ` +
      `(Microsoft.Network) before it is created, since isolation applies only to gateways created after it is ` +
      `Registered; the az script stops until it is, the Bicep file cannot register it (a subscription-scope ` +
      `feature, and the file deploys to a resource group)`,
    check: ({ design }, report) => {
      for (const gw of design.appGateways) if (gw.networkIsolation) report(gw.id, { gateway: gw.name });
    },
  }),
  defineRule<{ gateway: string; cluster: string; podCidr: string; subnet: string; table?: string }>({
    id: 'agic-kubenet-route-table',
    severity: 'error',
    summary:
      "AGIC with kubenet: the Application Gateway subnet carries the cluster's route table, the only place the pod routes are.",
    learnUrl: UDR_URL,
    message: (p) =>
      `AGIC on ${p.gateway} sends to pod IPs of kubenet cluster ${p.cluster} (pod CIDR ${p.podCidr}), which only ` +
      `the cluster's route table routes (one route per node to its pod range); ` +
      (p.table
        ? `associate route table ${p.table} with ${p.subnet}`
        : `the node subnet has no route table in the design: give the node subnet one and associate it with ${p.subnet} too`),
    check: ({ design }, report) => {
      const { subnet, routeTable } = designIndex(design);
      for (const gw of design.appGateways) {
        const gap = agicKubenetGap(design, gw);
        if (!gap) continue;
        const table = gap.table ? (routeTable.get(gap.table)?.name ?? gap.table) : undefined;
        report(gw.id, {
          gateway: gw.name,
          cluster: gap.cluster.name,
          podCidr: gap.cluster.podCidr ?? '(none)',
          subnet: subnet.get(gw.subnetId)?.subnet.name ?? gw.subnetId,
          ...(table ? { table } : {}),
        });
      }
    },
  }),
];
