/**
 * What connecting two boxes on the canvas means, as a change to the design: peerings, subnet associations,
 * backends (a load balancer or AGIC serving a cluster), placements in a subnet, public IPs, and the VNet behind
 * an on-premises site; any other pair the kind registry joins by a drawn reference. Either end may be the source. Pure: the canvas applies the change through the store.
 */
import { findElement, kindSpec, type Design, type Id, type LineRole, type RefSpec } from '../core/index';
import { addPeering, type ElementKind, type Found } from '../store';

export type Connection = { what: string; apply: (draft: Design) => void } | { error: string };

/** A fresh element id for the design (the store's, which also avoids ids used in the layout). */
export type MakeId = (draft: Design, prefix: string) => Id;

type Rule = (a: Found, b: Found, d: Design, makeId: MakeId) => Connection | null;

const subnetIn = (d: Design, id: Id) => d.vnets.flatMap((v) => v.subnets).find((s) => s.id === id);
const item = <T extends { id: Id }>(list: T[], id: Id) => list.find((x) => x.id === id);
const addOnce = (list: Id[], id: Id) => (list.includes(id) ? list : [...list, id]);

/** A rule for one unordered pair of kinds; `make` receives the elements in the order of the pair. */
function pair(
  k1: ElementKind,
  k2: ElementKind,
  make: (x: Found, y: Found, d: Design, makeId: MakeId) => Connection,
): Rule {
  return (a, b, d, makeId) =>
    a.kind === k1 && b.kind === k2
      ? make(a, b, d, makeId)
      : a.kind === k2 && b.kind === k1
        ? make(b, a, d, makeId)
        : null;
}

const RULES: Rule[] = [
  pair('vnet', 'vnet', (a, b, d, makeId) => {
    const exists = d.peerings.some(
      (p) =>
        (p.localVnetId === a.element.id && p.remoteVnetId === b.element.id) ||
        (p.localVnetId === b.element.id && p.remoteVnetId === a.element.id),
    );
    if (exists) return { error: `${a.element.name} and ${b.element.name} are already peered.` };
    return {
      what: `peering ${a.element.name} ↔ ${b.element.name}`,
      apply: (draft) => {
        addPeering(draft, makeId(draft, 'peer'), a.element, b.element);
      },
    };
  }),
  ...(['nsg', 'routeTable', 'natGateway'] as const).map((kind) =>
    pair('subnet', kind, (s, r) => ({
      what: `${s.element.name} uses ${r.element.name}`,
      apply: (draft) => {
        const sub = subnetIn(draft, s.element.id)!;
        if (kind === 'nsg') sub.nsgId = r.element.id;
        else if (kind === 'routeTable') sub.routeTableId = r.element.id;
        else sub.natGatewayId = r.element.id;
      },
    })),
  ),
  pair('loadBalancer', 'cluster', (lb, c) => ({
    what: `${lb.element.name} serves ${c.element.name}'s Services`,
    apply: (draft) => void (item(draft.loadBalancers, lb.element.id)!.clusterId = c.element.id),
  })),
  pair('loadBalancer', 'subnet', (lb, s, d) =>
    item(d.loadBalancers, lb.element.id)!.type === 'public'
      ? {
          error: `${lb.element.name} is a public load balancer: its frontends are public IPs, not addresses of a subnet.`,
        }
      : {
          what: `${lb.element.name} takes its frontends from ${s.element.name}`,
          apply: (draft) => void (item(draft.loadBalancers, lb.element.id)!.subnetId = s.element.id),
        },
  ),
  pair('appGateway', 'cluster', (g, c) => ({
    what: `${g.element.name} is ${c.element.name}'s ingress (AGIC)`,
    apply: (draft) => void (item(draft.appGateways, g.element.id)!.agicClusterId = c.element.id),
  })),
  ...(['appGateway', 'firewall', 'bastion', 'privateEndpoint'] as const).map((kind) =>
    pair(kind, 'subnet', (x, s) => ({
      what: `${x.element.name} placed in ${s.element.name}`,
      apply: (draft) => {
        const list = {
          appGateway: draft.appGateways,
          firewall: draft.firewalls,
          bastion: draft.bastions,
          privateEndpoint: draft.privateEndpoints,
        }[kind] as { id: Id; subnetId: Id }[];
        item(list, x.element.id)!.subnetId = s.element.id;
      },
    })),
  ),
  pair('publicIp', 'natGateway', (ip, n) => ({
    what: `${n.element.name} uses ${ip.element.name}`,
    apply: (draft) => {
      const g = item(draft.natGateways, n.element.id)!;
      g.publicIpIds = addOnce(g.publicIpIds, ip.element.id);
    },
  })),
  pair('publicIp', 'firewall', (ip, f) => ({
    what: `${f.element.name} uses ${ip.element.name}`,
    apply: (draft) => {
      const fw = item(draft.firewalls, f.element.id)!;
      fw.publicIpIds = addOnce(fw.publicIpIds, ip.element.id);
    },
  })),
  pair('publicIp', 'appGateway', (ip, g) => ({
    what: `${g.element.name}'s public frontend is ${ip.element.name}`,
    apply: (draft) => void (item(draft.appGateways, g.element.id)!.publicIpId = ip.element.id),
  })),
  pair('publicIp', 'bastion', (ip, b) => ({
    what: `${b.element.name} uses ${ip.element.name}`,
    apply: (draft) => void (item(draft.bastions, b.element.id)!.publicIpId = ip.element.id),
  })),
  pair('onprem', 'vnet', (o, v) => ({
    what: `${o.element.name} connects through the gateway of ${v.element.name}`,
    apply: (draft) => void (item(draft.onPremSites, o.element.id)!.gateway.vnetId = v.element.id),
  })),
];

const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1);

const VERB: Record<LineRole, string> = {
  placement: 'placed in',
  association: 'uses',
  backend: 'serves',
  link: 'connects through',
  member: 'belongs to',
};

/**
 * Any other pair joined by a single, drawn reference of the kind registry: the element refers to the other
 * (an Application Gateway for Containers to its subnet or its cluster).
 */
const byRegistry: Rule = (a, b) => {
  for (const [x, y] of [
    [a, b],
    [b, a],
  ] as const) {
    const spec = kindSpec(x.kind);
    // A drawn line, or the reference that places the box inside the other (no line: the box sits in it).
    const drawn = (r: RefSpec) => r.line ?? (r.path === spec.drawnIn ? { role: 'placement' as const } : undefined);
    const ref = spec.refs.find((r) => r.to === y.kind && !r.many && drawn(r) && !r.path.includes('.'));
    if (!ref) continue;
    return {
      what: `${x.element.name} ${VERB[drawn(ref)!.role]} ${y.element.name}`,
      apply: (draft) => {
        const el = findElement(draft, x.element.id)?.element as Record<string, unknown> | undefined;
        if (el) el[ref.path] = y.element.id;
      },
    };
  }
  return null;
};

export const CONNECT_HELP =
  'Connect two VNets to peer them; a subnet to an NSG, route table or NAT gateway; a load balancer or Application Gateway to its cluster; ' +
  'a firewall, Application Gateway, Bastion, private endpoint or internal load balancer to its subnet; a public IP to what uses it; an on-premises site to its hub VNet.';

export function connection(d: Design, a: Found, b: Found, makeId: MakeId): Connection {
  if (a.element.id === b.element.id) return { error: 'An element cannot be connected to itself.' };
  for (const rule of [...RULES, byRegistry]) {
    const c = rule(a, b, d, makeId);
    if (c) return c;
  }
  return {
    error: `${capital(kindSpec(a.kind).label)} and ${kindSpec(b.kind).label}: nothing to connect. ${CONNECT_HELP}`,
  };
}
