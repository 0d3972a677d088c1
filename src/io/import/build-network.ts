/** Public IPs, NAT gateways, NSGs, route tables, VNets with their subnets, and peerings. */
import type { NextHopType, NsgRule, Peering, Route, Subnet } from '../../core/index';
import { SPECIAL_SUBNETS, T, type BuildCtx } from './build';
import { keyOf, type RawResource } from './resources';
import { arr, bool, describe, dig, get, num, props, str, type Obj, type Val } from './values';

const leaf = (name: string) => name.slice(name.lastIndexOf('/') + 1);

/** Inline list items and separately declared children, as [name, item, resource] triples; children win. */
export function membersOf(
  ctx: BuildCtx,
  parent: RawResource,
  list: string,
  childType: string,
): [string, Val, RawResource][] {
  const out = new Map<string, [string, Val, RawResource]>();
  for (const item of list ? arr(get(props(parent.body), list)) : []) {
    const n = str(get(item, 'name'));
    if (n && out.has(n.toLowerCase()))
      ctx.add('ignored', parent, `a second item of ${list} named ${n}: names are unique`);
    else if (n) out.set(n.toLowerCase(), [n, item, parent]);
    else ctx.add('ignored', parent, `an item of ${list} has no literal name: ${describe(get(item, 'name'))}`);
  }
  for (const c of ctx.childrenOf(childType, parent.name as string)) {
    ctx.consumed.add(c);
    const n = leaf(c.name as string);
    out.set(n.toLowerCase(), [n, c.body, c]);
  }
  return [...out.values()];
}

export function networkIds(ctx: BuildCtx): void {
  ctx.newIds([
    [T.pip, 'pip'],
    [T.nat, 'nat'],
    [T.nsg, 'nsg'],
    [T.routeTable, 'rt'],
  ]);
  for (const v of ctx.ofType(T.vnet)) {
    const vn = v.name as string;
    ctx.newId('vnet', vn, keyOf(T.vnet, vn));
    for (const [sn] of membersOf(ctx, v, 'subnets', T.subnet)) ctx.newId('snet', sn, keyOf(T.subnet, `${vn}/${sn}`));
  }
}

export function buildPublicIps(ctx: BuildCtx): void {
  for (const r of ctx.ofType(T.pip)) {
    ctx.consumed.add(r);
    if (ctx.managementPips.has(r)) {
      ctx.add('imported', r, "read as a firewall's management public IP");
      continue;
    }
    const sku = str(dig(r.body, 'sku', 'name'));
    const known = sku === 'Basic' || sku === 'Standard' || sku === 'StandardV2';
    const zones = arr(get(r.body, 'zones')).filter((z): z is string => typeof z === 'string');
    ctx.design.publicIps.push({
      id: ctx.idFor(T.pip, r.name as string)!,
      name: r.name as string,
      sku: known ? sku : 'Standard',
      ...(zones.length ? { zones } : {}),
    });
    ctx.add(
      known ? 'imported' : 'defaulted',
      r,
      known ? 'public IP' : `no known SKU (${sku ?? 'none'}): Standard used`,
    );
  }
}

export function buildNatGateways(ctx: BuildCtx): void {
  for (const r of ctx.ofType(T.nat)) {
    ctx.consumed.add(r);
    const p = props(r.body);
    const sku = str(dig(r.body, 'sku', 'name'));
    const idle = num(get(p, 'idleTimeoutInMinutes'));
    ctx.design.natGateways.push({
      id: ctx.idFor(T.nat, r.name as string)!,
      name: r.name as string,
      ...(sku === 'StandardV2' ? { sku } : {}),
      publicIpIds: arr(get(p, 'publicIpAddresses')).flatMap((x) => {
        const id = ctx.resolve(get(x, 'id'), T.pip, r, 'publicIpAddresses');
        return id ? [id] : [];
      }),
      idleTimeoutMinutes: idle ?? 4,
    });
    ctx.add(
      idle === undefined ? 'defaulted' : 'imported',
      r,
      idle === undefined ? 'idle timeout: 4 minutes used' : 'NAT gateway',
    );
  }
}

function nsgRule(ctx: BuildCtx, nsg: RawResource, name: string, item: Val): NsgRule {
  const p = props(item);
  const one = (single: string, plural: string): string => {
    const s = str(get(p, single));
    if (s) return s;
    const list = arr(get(p, plural)).filter((x): x is string => typeof x === 'string');
    if (list.length > 1)
      ctx.add('defaulted', nsg, `rule ${name}: ${plural} has ${list.length} entries; the design keeps ${list[0]}`);
    return list[0] ?? '*';
  };
  const protocol = str(get(p, 'protocol')) ?? '*';
  const proto = (['Tcp', 'Udp', 'Icmp', '*'] as const).find((x) => x.toLowerCase() === protocol.toLowerCase());
  if (!proto) ctx.add('defaulted', nsg, `rule ${name}: protocol ${protocol} is not modelled: * used`);
  return {
    id: ctx.newId('rule', name),
    name,
    priority: num(get(p, 'priority')) ?? 100,
    direction: str(get(p, 'direction'))?.toLowerCase() === 'outbound' ? 'Outbound' : 'Inbound',
    access: str(get(p, 'access'))?.toLowerCase() === 'deny' ? 'Deny' : 'Allow',
    protocol: proto ?? '*',
    sourceAddressPrefix: one('sourceAddressPrefix', 'sourceAddressPrefixes'),
    sourcePortRange: one('sourcePortRange', 'sourcePortRanges'),
    destinationAddressPrefix: one('destinationAddressPrefix', 'destinationAddressPrefixes'),
    destinationPortRange: one('destinationPortRange', 'destinationPortRanges'),
  };
}

export function buildNsgs(ctx: BuildCtx): void {
  for (const r of ctx.ofType(T.nsg)) {
    ctx.consumed.add(r);
    const rules = membersOf(ctx, r, 'securityRules', T.nsgRule).map(([n, item]) => nsgRule(ctx, r, n, item));
    ctx.design.nsgs.push({ id: ctx.idFor(T.nsg, r.name as string)!, name: r.name as string, rules });
    ctx.add('imported', r, `NSG with ${rules.length} rule(s)`);
  }
}

const HOPS: NextHopType[] = ['VirtualAppliance', 'VirtualNetworkGateway', 'VnetLocal', 'Internet', 'None'];

function route(ctx: BuildCtx, rt: RawResource, name: string, item: Val): Route {
  const p = props(item);
  const hopText = str(get(p, 'nextHopType')) ?? '';
  const hop = HOPS.find((h) => h.toLowerCase() === hopText.toLowerCase());
  if (!hop) ctx.add('defaulted', rt, `route ${name}: next hop type ${hopText || 'missing'}: None used`);
  const out: Route = {
    id: ctx.newId('route', name),
    name,
    addressPrefix: str(get(p, 'addressPrefix')) ?? '0.0.0.0/0',
    nextHopType: hop ?? 'None',
  };
  const ip = get(p, 'nextHopIpAddress');
  if (typeof ip === 'string' && ip) out.nextHopIpAddress = ip;
  else if (ip !== undefined && ip !== null && hop === 'VirtualAppliance')
    ctx.pendingHops.push({ route: out, value: ip, rt });
  return out;
}

export function buildRouteTables(ctx: BuildCtx): void {
  for (const r of ctx.ofType(T.routeTable)) {
    ctx.consumed.add(r);
    const p = props(r.body);
    const routes = membersOf(ctx, r, 'routes', T.route).map(([n, item]) => route(ctx, r, n, item));
    ctx.design.routeTables.push({
      id: ctx.idFor(T.routeTable, r.name as string)!,
      name: r.name as string,
      disableBgpRoutePropagation: bool(get(p, 'disableBgpRoutePropagation')) ?? false,
      routes,
    });
    ctx.add('imported', r, `route table with ${routes.length} route(s)`);
  }
}

function subnet(ctx: BuildCtx, vn: string, sn: string, item: Val, owner: RawResource): Subnet {
  const p = props(item);
  let cidr = str(get(p, 'addressPrefix'));
  const list = arr(get(p, 'addressPrefixes')).filter((x): x is string => typeof x === 'string');
  if (!cidr && list.length) cidr = list[0];
  if (list.length > 1)
    ctx.add('defaulted', owner, `subnet ${sn}: ${list.length} prefixes; the design keeps ${list[0]}`);
  if (!cidr)
    ctx.add('unresolved', owner, `subnet ${sn}: no literal address prefix (${describe(get(p, 'addressPrefix'))})`);
  const s: Subnet = {
    id: ctx.idFor(T.subnet, `${vn}/${sn}`)!,
    name: sn,
    cidr: cidr ?? '0.0.0.0/32',
    purpose: SPECIAL_SUBNETS[sn.toLowerCase()] ?? 'general',
  };
  const delegation = str(
    dig(arr(get(p, 'delegations'))[0], 'properties', 'serviceName') ??
      dig(arr(get(p, 'delegations'))[0], 'serviceName'),
  );
  if (delegation) s.delegation = delegation;
  const nsg = ctx.resolve(dig(p, 'networkSecurityGroup', 'id'), T.nsg, owner, `subnet ${sn} networkSecurityGroup`);
  if (nsg) s.nsgId = nsg;
  const rt = ctx.resolve(dig(p, 'routeTable', 'id'), T.routeTable, owner, `subnet ${sn} routeTable`);
  if (rt) s.routeTableId = rt;
  const nat = ctx.resolve(dig(p, 'natGateway', 'id'), T.nat, owner, `subnet ${sn} natGateway`);
  if (nat) s.natGatewayId = nat;
  const pen = str(get(p, 'privateEndpointNetworkPolicies'));
  if (pen === 'Enabled' || pen === 'Disabled') s.privateEndpointNetworkPolicies = pen;
  const doa = bool(get(p, 'defaultOutboundAccess'));
  if (doa !== undefined) s.defaultOutboundAccess = doa;
  return s;
}

export function buildVnets(ctx: BuildCtx): void {
  for (const r of ctx.ofType(T.vnet)) {
    ctx.consumed.add(r);
    const vn = r.name as string;
    const spaces = arr(dig(props(r.body), 'addressSpace', 'addressPrefixes')).filter(
      (x): x is string => typeof x === 'string',
    );
    if (!spaces.length)
      ctx.add('unresolved', r, `no literal address space (${describe(dig(props(r.body), 'addressSpace'))})`);
    const subnets = membersOf(ctx, r, 'subnets', T.subnet).map(([sn, item, owner]) => subnet(ctx, vn, sn, item, owner));
    const dns = arr(dig(props(r.body), 'dhcpOptions', 'dnsServers')).filter((x): x is string => typeof x === 'string');
    ctx.design.vnets.push({
      id: ctx.idFor(T.vnet, vn)!,
      name: vn,
      addressSpaces: spaces,
      ...(dns.length ? { dnsServers: dns } : {}),
      subnets,
    });
    ctx.add('imported', r, `VNet with ${subnets.length} subnet(s)`);
  }
}

interface Link {
  name: string;
  local: string;
  remote: string;
  p: Obj;
  owner: RawResource;
}

export function buildPeerings(ctx: BuildCtx): void {
  const links: Link[] = [];
  for (const v of ctx.ofType(T.vnet)) {
    const local = ctx.idFor(T.vnet, v.name as string)!;
    for (const [n, item, owner] of membersOf(ctx, v, 'virtualNetworkPeerings', T.peering)) {
      const p = props(item);
      const remote = ctx.resolve(
        dig(p, 'remoteVirtualNetwork', 'id'),
        T.vnet,
        owner,
        `peering ${n} remoteVirtualNetwork`,
      );
      if (remote) links.push({ name: n, local, remote, p, owner });
    }
  }
  // Input order, so the link written first is the local side; its return link is preferred by name.
  const order = (l: Link) => ctx.resources.indexOf(l.owner);
  links.sort((x, y) => order(x) - order(y));
  const done = new Set<Link>();
  for (const a of links) {
    if (done.has(a)) continue;
    done.add(a);
    const back = links.filter((l) => !done.has(l) && l.local === a.remote && l.remote === a.local);
    const b = back.find((l) => l.name === `${a.name}-return`) ?? back[0];
    if (b) done.add(b);
    const peering: Peering = {
      id: ctx.newId('peer', a.name),
      name: a.name,
      localVnetId: a.local,
      remoteVnetId: a.remote,
      allowForwardedTraffic: bool(get(a.p, 'allowForwardedTraffic')) ?? false,
      allowGatewayTransit: bool(get(a.p, 'allowGatewayTransit')) ?? false,
      useRemoteGateways: b ? (bool(get(b.p, 'useRemoteGateways')) ?? false) : false,
    };
    ctx.design.peerings.push(peering);
    if (b) ctx.add('imported', a.owner, `peering ${a.name} with its return link ${b.name}`);
    else ctx.add('defaulted', a.owner, `peering ${a.name}: no return link in the input; the design peers both ways`);
    if (!b && bool(get(a.p, 'useRemoteGateways')))
      ctx.add('ignored', a.owner, `peering ${a.name}: useRemoteGateways on a one-way link is not kept`);
  }
}
