/**
 * Routing faults: userDefinedRouting without a default route, a default route on the Application Gateway subnet,
 * and a public load balancer behind firewall egress (asymmetric routing). Each breaks a copy of the design and
 * has a repair an instructor would accept.
 */
import { formatIp, lastUsableIp, toRange } from '../cidr';
import type { Cluster, Design, LoadBalancer, RouteTable } from '../model';
import {
  clustersThat,
  ensureRouteTable,
  firewallTarget,
  freshId,
  isDefault,
  nodeSubnets,
  pickCluster,
  routeTableOf,
  subnetOf,
  type Outcome,
} from './fault-util';
import type { Fault } from './types';

const isUdr = (c: { outboundType: string }) => c.outboundType === 'userDefinedRouting';
const UDR = clustersThat(isUdr, 'using outbound type userDefinedRouting');
const VIA_FIREWALL = clustersThat(isUdr, 'sending its egress through a firewall (userDefinedRouting)');

export const UDR_NO_DEFAULT_ROUTE: Fault = {
  id: 'udr-no-default-route',
  title: 'userDefinedRouting without a default route',
  description:
    'With outbound type userDefinedRouting AKS creates no outbound path of its own: the node subnet must send 0.0.0.0/0 to a firewall or appliance. Without that route the cluster cannot be created, and an existing one loses egress.',
  learnUrl: 'https://learn.microsoft.com/azure/aks/egress-udr',
  inject: UDR.change((d, c) => {
    const tables = nodeSubnets(d, c).flatMap((s) => routeTableOf(d, s) ?? []);
    for (const t of tables) t.routes = t.routes.filter((r) => !isDefault(r.addressPrefix));
  }),
  check: (design, target) => {
    const c = pickCluster(design, target, isUdr, '');
    const sid = typeof c === 'string' ? undefined : c.nodePools[0]?.nodeSubnetId;
    return { kind: 'no-finding', rule: 'udr-missing-default-route', ...(sid ? { subjectId: sid } : {}) };
  },
  repair: UDR.change(routeToFirewall),
};

/** Sends 0.0.0.0/0 of each node subnet of `c` to the first firewall, giving a subnet without one a route table. */
function routeToFirewall(d: Design, c: Cluster): Outcome | void {
  const fw = firewallTarget(d);
  if (!fw) return { error: 'the design has no firewall to send 0.0.0.0/0 to' };
  for (const s of nodeSubnets(d, c)) {
    const table = ensureRouteTable(d, s, `rt-${s.id}`, `${s.name}-egress`);
    if (table.routes.some((r) => isDefault(r.addressPrefix))) continue;
    table.routes.push({
      id: freshId(d, 'route-default-fw'),
      name: 'default-to-firewall',
      addressPrefix: '0.0.0.0/0',
      nextHopType: 'VirtualAppliance',
      nextHopIpAddress: fw.ip,
    });
  }
}

function appGatewaySubnet(design: Design, target?: string) {
  const gw = target ? design.appGateways.find((g) => g.id === target || g.subnetId === target) : design.appGateways[0];
  if (!gw)
    return target ? `no Application Gateway or its subnet has id "${target}"` : 'the design has no Application Gateway';
  return subnetOf(design, gw.subnetId) ?? `the subnet of ${gw.name} is not in the design`;
}

const usedBy = (design: Design, t: RouteTable) =>
  design.vnets.flatMap((v) => v.subnets).filter((s) => s.routeTableId === t.id).length;

export const APPGW_DEFAULT_ROUTE: Fault = {
  id: 'appgw-default-route',
  title: 'A default route on the Application Gateway subnet',
  description:
    'Application Gateway v2 needs direct Internet access for its control plane: a 0.0.0.0/0 route to a firewall or appliance on its subnet is not supported, and the gateway stops working (its health status goes unknown).',
  learnUrl:
    'https://learn.microsoft.com/azure/application-gateway/configuration-infrastructure#supported-user-defined-routes',
  inject: (design, target) => {
    const d = structuredClone(design);
    const s = appGatewaySubnet(d, target);
    if (typeof s === 'string') return { error: s };
    const table = ensureRouteTable(d, s, 'rt-appgw', `${s.name}-routes`);
    const fw = firewallTarget(d);
    table.routes = table.routes.filter((r) => !isDefault(r.addressPrefix));
    table.routes.push({
      id: freshId(d, 'route-appgw-default'),
      name: 'default-to-firewall',
      addressPrefix: '0.0.0.0/0',
      ...(fw ? { nextHopType: 'VirtualAppliance', nextHopIpAddress: fw.ip } : { nextHopType: 'None' }),
    });
    return { design: d };
  },
  check: (design, target) => {
    const s = appGatewaySubnet(design, target);
    return { kind: 'no-finding', rule: 'appgw-default-route', ...(typeof s === 'string' ? {} : { subjectId: s.id }) };
  },
  repair: (design, target) => {
    const d = structuredClone(design);
    const s = appGatewaySubnet(d, target);
    if (typeof s === 'string') return { error: s };
    const table = routeTableOf(d, s);
    if (!table) return { design: d };
    // A table the node subnets share keeps its default route for them: the gateway's subnet leaves it instead.
    if (usedBy(d, table) > 1) delete s.routeTableId;
    else table.routes = table.routes.filter((r) => !isDefault(r.addressPrefix) || r.nextHopType === 'Internet');
    return { design: d };
  },
};

function publicLbsOf(design: Design, clusterId: string): LoadBalancer[] {
  return design.loadBalancers.filter((l) => l.clusterId === clusterId && l.type === 'public');
}

export const ASYMMETRIC_FIREWALL_LB: Fault = {
  id: 'asymmetric-firewall-lb',
  title: 'A public load balancer behind firewall egress',
  description:
    'The node subnet sends 0.0.0.0/0 to the firewall, so replies to a client that came in through a public load balancer leave through the firewall, which has no session for them and drops them: the Service never answers.',
  learnUrl: 'https://learn.microsoft.com/azure/aks/limit-egress-traffic#add-a-dnat-rule-to-azure-firewall',
  inject: VIA_FIREWALL.change((d, c) => {
    const pip = freshId(d, 'pip-public-svc');
    d.publicIps.push({ id: pip, name: 'public-svc-pip', sku: 'Standard' });
    const fe = { id: freshId(d, 'fe-public-svc'), name: 'public-svc', namespace: 'default', publicIpId: pip };
    d.loadBalancers.push({
      id: freshId(d, 'lb-public'),
      name: 'kubernetes',
      type: 'public',
      clusterId: c.id,
      frontends: [{ ...fe, port: 80, targetPort: 80, appLabel: 'public-app' }],
    });
  }),
  check: VIA_FIREWALL.noFinding('asymmetric-firewall-lb'),
  repair: VIA_FIREWALL.change(repairAsymmetric),
};

/**
 * Publishes each public Service through the firewall instead: the load balancer becomes internal with a static
 * address at the top of the node subnet, the firewall gets a DNAT rule to it, and the public IPs it held go.
 */
function repairAsymmetric(d: Design, c: Cluster): Outcome {
  const fw = firewallTarget(d);
  const node = nodeSubnets(d, c)[0];
  const range = node ? toRange(node.cidr) : null;
  if (!fw || !range) return { error: 'a DNAT repair needs a firewall and a node subnet' };
  let ip = lastUsableIp(range);
  const freed = new Set<string>();
  for (const lb of publicLbsOf(d, c.id)) {
    lb.type = 'internal';
    for (const f of lb.frontends) {
      if (f.publicIpId) freed.add(f.publicIpId);
      delete f.publicIpId;
      f.privateIp = formatIp(ip--);
      fw.fw.dnatRules.push({
        name: `dnat-${f.name}`,
        protocol: 'TCP',
        destinationPort: f.port,
        translatedAddress: f.privateIp,
        translatedPort: f.port,
      });
    }
  }
  d.publicIps = d.publicIps.filter((p) => !freed.has(p.id));
  return { design: d };
}
