/**
 * az network commands for the network itself: resource group, public IPs, NAT gateways, NSGs and rules, route tables
 * and routes, VNets, subnets and peerings. Defaults are az's own, from the az CLI reference:
 * https://learn.microsoft.com/cli/azure/network/vnet#az-network-vnet-create (10.0.0.0/16, subnet 10.0.0.0/24),
 * https://learn.microsoft.com/cli/azure/network/nsg/rule#az-network-nsg-rule-create (Inbound, Allow, *, port 80),
 * https://learn.microsoft.com/cli/azure/network/nat/gateway#az-network-nat-gateway-create (idle timeout 4).
 */
import { firewallIp, type NextHopType, type NsgRule, type Peering, type PublicIp, type Route } from '../../core/index';
import type { Subnet, Vnet } from '../../core/index';
import type { Build, Step } from './az-build';
import { firewallOfIpRef } from './az-words';

export type Handler = (b: Build, s: Step) => void;

const pick = <T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined =>
  allowed.find((a) => a.toLowerCase() === value?.toLowerCase());

const groupCreate: Handler = (b, s) => {
  b.location(s);
  s.summary = `resource group ${s.one('--name') ?? ''}: the design holds one resource group's network`;
};

const publicIpCreate: Handler = (b, s) => {
  const name = s.one('--name');
  if (!name) return void s.unresolved.push('--name is missing');
  b.location(s);
  let sku = pick(s.one('--sku'), ['Basic', 'Standard', 'StandardV2'] as const);
  if (!sku) {
    sku = 'Standard';
    s.defaulted('SKU Standard (az default since Basic public IPs were retired)');
  }
  const zones = s.all('--zone', '--zones');
  s.all('--allocation-method');
  const pip: PublicIp = { id: b.id('pip'), name, sku, ...(zones?.length ? { zones } : {}) };
  b.d.publicIps.push(pip);
  s.summary = `public IP ${name} (${sku})`;
};

const natCreate: Handler = (b, s) => {
  const name = s.one('--name');
  if (!name) return void s.unresolved.push('--name is missing');
  b.location(s);
  const idle = s.int('--idle-timeout');
  if (idle === undefined) s.defaulted('idle timeout 4 minutes');
  const sku = pick(s.one('--sku'), ['Standard', 'StandardV2'] as const);
  const nat = { id: b.id('nat'), name, ...(sku === 'StandardV2' ? { sku } : {}), publicIpIds: [] as string[] };
  b.d.natGateways.push({ ...nat, idleTimeoutMinutes: idle ?? 4 });
  const pips = s.all('--public-ip-addresses') ?? [];
  b.defer(() => {
    const g = b.d.natGateways.find((x) => x.id === nat.id)!;
    for (const p of pips) {
      const pip = b.ref(b.d.publicIps, p);
      if (pip) g.publicIpIds.push(pip.id);
      else s.unresolved.push(`public IP ${p} is not created in the input`);
    }
  });
  s.summary = `NAT gateway ${name}`;
};

const nsgCreate: Handler = (b, s) => {
  const name = s.one('--name');
  if (!name) return void s.unresolved.push('--name is missing');
  b.location(s);
  b.d.nsgs.push({ id: b.id('nsg'), name, rules: [] });
  s.summary = `NSG ${name}`;
};

/** A single-valued NSG rule field from a list flag; extra values are reported (a rule row holds one). */
function single(s: Step, flag: string, fallback: string): string {
  const v = s.all(flag);
  if (!v || v.length === 0) {
    s.defaulted(`${flag} ${fallback}`);
    return fallback;
  }
  if (v.length > 1) s.ignore(flag, `${v.length} values: the design's rule holds one, ${v[0]} was kept`);
  return v[0]!;
}

const nsgRuleCreate: Handler = (b, s) => {
  const nsg = b.byName(b.d.nsgs, s.one('--nsg-name'));
  const name = s.one('--name');
  if (!nsg || !name) return void s.unresolved.push(`NSG ${s.one('--nsg-name') ?? '?'} is not created before it`);
  const priority = s.int('--priority');
  if (priority === undefined) return void s.unresolved.push('--priority is missing');
  const protocol = pick(s.one('--protocol'), ['Tcp', 'Udp', 'Icmp', '*'] as const);
  if (s.one('--protocol') && !protocol) return void s.ignore('--protocol', 'protocol not modelled: rule skipped');
  const rule: NsgRule = {
    id: b.id('rule'),
    name,
    priority,
    direction: pick(s.one('--direction'), ['Inbound', 'Outbound'] as const) ?? 'Inbound',
    access: pick(s.one('--access'), ['Allow', 'Deny'] as const) ?? 'Allow',
    protocol: protocol ?? '*',
    sourceAddressPrefix: single(s, '--source-address-prefixes', '*'),
    sourcePortRange: single(s, '--source-port-ranges', '*'),
    destinationAddressPrefix: single(s, '--destination-address-prefixes', '*'),
    destinationPortRange: single(s, '--destination-port-ranges', '80'),
  };
  nsg.rules.push(rule);
  s.summary = `rule ${name} of NSG ${nsg.name}`;
};

const routeTableCreate: Handler = (b, s) => {
  const name = s.one('--name');
  if (!name) return void s.unresolved.push('--name is missing');
  b.location(s);
  const disable = s.bool('--disable-bgp-route-propagation') ?? false;
  b.d.routeTables.push({ id: b.id('rt'), name, disableBgpRoutePropagation: disable, routes: [] });
  s.summary = `route table ${name}`;
};

const NEXT_HOPS: readonly NextHopType[] = [
  'VirtualAppliance',
  'VirtualNetworkGateway',
  'VnetLocal',
  'Internet',
  'None',
];

const routeCreate: Handler = (b, s) => {
  const rt = b.byName(b.d.routeTables, s.one('--route-table-name'));
  const name = s.one('--name');
  const prefix = s.one('--address-prefix');
  const hop = pick(s.one('--next-hop-type'), NEXT_HOPS);
  if (!rt) return void s.unresolved.push(`route table ${s.one('--route-table-name') ?? '?'} is not created before it`);
  if (!name || !prefix || !hop) return void s.unresolved.push('--name, --address-prefix or --next-hop-type missing');
  const ip = s.one('--next-hop-ip-address');
  const route: Route = { id: b.id('route'), name, addressPrefix: prefix, nextHopType: hop };
  const fwName = ip ? firewallOfIpRef(ip) : undefined;
  if (hop === 'VirtualAppliance' && ip && !fwName) route.nextHopIpAddress = ip;
  if (hop === 'VirtualAppliance' && fwName)
    b.defer(() => {
      const fw = b.byName(b.d.firewalls, fwName);
      const at = fw ? firewallIp(b.d, fw) : null;
      if (at) route.nextHopIpAddress = at;
      else s.unresolved.push(`the private IP of firewall ${fwName}, which the input does not create`);
    });
  rt.routes.push(route);
  s.summary = `route ${name} (${prefix} → ${hop}${ip && !fwName ? ` ${ip}` : fwName ? ` firewall ${fwName}` : ''}) of ${rt.name}`;
};

const vnetCreate: Handler = (b, s) => {
  const name = s.one('--name');
  if (!name) return void s.unresolved.push('--name is missing');
  b.location(s);
  let spaces = s.all('--address-prefixes', '--address-prefix');
  if (!spaces?.length) {
    spaces = ['10.0.0.0/16'];
    s.defaulted('address space 10.0.0.0/16');
  }
  const dns = s.all('--dns-servers');
  const vnet: Vnet = {
    id: b.id('vnet'),
    name,
    addressSpaces: spaces,
    ...(dns?.length ? { dnsServers: dns } : {}),
    subnets: [],
  };
  b.d.vnets.push(vnet);
  const subnetName = s.one('--subnet-name');
  let prefixes = s.all('--subnet-prefixes', '--subnet-prefix');
  if (subnetName) {
    if (!prefixes?.length) {
      prefixes = ['10.0.0.0/24'];
      s.defaulted('subnet prefix 10.0.0.0/24');
    }
    vnet.subnets.push({ id: b.id('snet'), name: subnetName, cidr: prefixes[0]!, purpose: 'general' });
  }
  s.summary = `VNet ${name} (${spaces.join(', ')})${subnetName ? ` with subnet ${subnetName}` : ''}`;
};

/** NSG, route table, NAT gateway and the rest of a subnet's settings, on create and update. */
function subnetSettings(b: Build, s: Step, subnet: Subnet): void {
  const nsg = s.one('--network-security-group', '--nsg');
  const rt = s.one('--route-table');
  const nat = s.one('--nat-gateway');
  b.defer(() => {
    const found = { nsg: b.ref(b.d.nsgs, nsg), rt: b.ref(b.d.routeTables, rt), nat: b.ref(b.d.natGateways, nat) };
    if (nsg && !found.nsg) s.unresolved.push(`NSG ${nsg} is not created in the input`);
    if (rt && !found.rt) s.unresolved.push(`route table ${rt} is not created in the input`);
    if (nat && !found.nat) s.unresolved.push(`NAT gateway ${nat} is not created in the input`);
    if (found.nsg) subnet.nsgId = found.nsg.id;
    if (found.rt) subnet.routeTableId = found.rt.id;
    if (found.nat) subnet.natGatewayId = found.nat.id;
  });
  const delegations = s.all('--delegations');
  if (delegations?.length) {
    subnet.delegation = delegations[0]!;
    if (delegations.length > 1) s.ignore('--delegations', `the design holds one delegation: ${delegations[0]} kept`);
  }
  const pen = s.one('--private-endpoint-network-policies');
  const penValue = pick(pen, ['Enabled', 'Disabled'] as const);
  if (penValue) subnet.privateEndpointNetworkPolicies = penValue;
  else if (pen) s.ignore('--private-endpoint-network-policies', `${pen}: the design holds Enabled or Disabled`);
  const doa = s.bool('--default-outbound-access') ?? s.bool('--default-outbound');
  if (doa !== undefined) subnet.defaultOutboundAccess = doa;
  const disabled = s.bool('--disable-private-endpoint-network-policies');
  if (disabled !== undefined) subnet.privateEndpointNetworkPolicies = disabled ? 'Disabled' : 'Enabled';
}

const subnetCreate: Handler = (b, s) => {
  const vnet = b.vnet(s.one('--vnet-name'));
  const name = s.one('--name');
  if (!vnet) return void s.unresolved.push(`VNet ${s.one('--vnet-name') ?? '?'} is not created before it`);
  if (!name) return void s.unresolved.push('--name is missing');
  const cidr = s.one('--address-prefixes', '--address-prefix');
  if (!cidr) return void s.unresolved.push('--address-prefixes is missing');
  const subnet: Subnet = { id: b.id('snet'), name, cidr, purpose: 'general' };
  vnet.subnets.push(subnet);
  subnetSettings(b, s, subnet);
  s.summary = `subnet ${name} (${cidr}) of VNet ${vnet.name}`;
};

const subnetUpdate: Handler = (b, s) => {
  const subnet = b.subnet(s.one('--vnet-name'), s.one('--name'));
  if (!subnet) return void s.unresolved.push(`subnet ${s.one('--name') ?? '?'} is not created before it`);
  subnetSettings(b, s, subnet);
  s.summary = `settings of subnet ${subnet.name}`;
};

/** Each direction is a command; the second one of a pair joins the first (the design holds both in one). */
const peeringCreate: Handler = (b, s) => {
  const name = s.one('--name');
  const local = b.vnet(s.one('--vnet-name'));
  const remoteText = s.one('--remote-vnet');
  const remote = b.ref(b.d.vnets, remoteText);
  s.bool('--allow-vnet-access');
  const forwarded = s.bool('--allow-forwarded-traffic') ?? false;
  const transit = s.bool('--allow-gateway-transit') ?? false;
  const useRemote = s.bool('--use-remote-gateways') ?? false;
  if (!name || !local || !remote)
    return void s.unresolved.push(`VNet ${!local ? s.one('--vnet-name') : remoteText} is not created in the input`);
  // The return link: named <name>-return as the export writes it, or the first unpaired opposite direction.
  const opposite = b.d.peerings.filter(
    (p) => !b.returned.has(p.id) && p.localVnetId === remote.id && p.remoteVnetId === local.id,
  );
  const pair = opposite.find((p) => `${p.name}-return` === name) ?? opposite[0];
  if (pair) {
    b.returned.add(pair.id);
    // The design's flags: transit on the local side, use-remote-gateways for the remote side.
    if (useRemote) pair.useRemoteGateways = true;
    if (transit && !pair.allowGatewayTransit) Object.assign(pair, flipped(pair), { allowGatewayTransit: true });
    s.summary = `return link of peering ${pair.name}`;
    return;
  }
  const peering: Peering = {
    id: b.id('peer'),
    name,
    localVnetId: local.id,
    remoteVnetId: remote.id,
    allowForwardedTraffic: forwarded,
    allowGatewayTransit: transit,
    useRemoteGateways: false,
  };
  // A spoke written first with use-remote-gateways: the hub is the side that offers the gateway.
  b.d.peerings.push(useRemote ? { ...flipped(peering), useRemoteGateways: true } : peering);
  s.summary = `peering ${name}: ${local.name} → ${remote.name}`;
};

const flipped = (p: Peering): Peering => ({ ...p, localVnetId: p.remoteVnetId, remoteVnetId: p.localVnetId });

export const NETWORK_HANDLERS: Record<string, Handler> = {
  'group create': groupCreate,
  'network public-ip create': publicIpCreate,
  'network nat gateway create': natCreate,
  'network nsg create': nsgCreate,
  'network nsg rule create': nsgRuleCreate,
  'network route-table create': routeTableCreate,
  'network route-table route create': routeCreate,
  'network vnet create': vnetCreate,
  'network vnet subnet create': subnetCreate,
  'network vnet subnet update': subnetUpdate,
  'network vnet peering create': peeringCreate,
};
