/**
 * az commands for the services in the VNets: Application Gateway (and its WAF policy), Bastion, private endpoints,
 * Azure Firewall with its policy and DNAT rules, Application Gateway for Containers.
 * https://learn.microsoft.com/cli/azure/network/application-gateway#az-network-application-gateway-create
 * https://learn.microsoft.com/cli/azure/network/firewall#az-network-firewall-create
 */
import type { AppGateway, Firewall, FirewallDnatRule } from '../../core/index';
import type { Build, Step } from './az-build';
import type { Handler } from './az-net';
import { parseResourceId } from './az-words';

const pick = <T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined =>
  allowed.find((a) => a.toLowerCase() === value?.toLowerCase());

/** A public IP by name or id, resolved once every command is read. */
function pipLater(b: Build, s: Step, text: string | undefined, set: (id: string) => void): void {
  if (!text) return;
  b.defer(() => {
    const pip = b.ref(b.d.publicIps, text);
    if (pip) set(pip.id);
    else s.unresolved.push(`public IP ${text} is not created in the input`);
  });
}

const appGatewayCreate: Handler = (b, s) => {
  const name = s.one('--name');
  if (!name) return void s.unresolved.push('--name is missing');
  b.location(s);
  const subnet = b.subnetRef(s, s.one('--subnet'), s.one('--vnet-name'));
  if (!subnet) return;
  let sku = pick(s.one('--sku'), ['Standard_v2', 'WAF_v2'] as const);
  if (!sku) {
    if (s.one('--sku')) s.ignore('--sku', `${s.one('--sku')}: the design models v2 gateways: Standard_v2 used`);
    else s.defaulted('SKU Standard_v2');
    sku = 'Standard_v2';
  }
  const capacity = s.int('--capacity');
  const min = s.int('--min-capacity') ?? capacity;
  const max = s.int('--max-capacity') ?? min ?? capacity;
  if (min === undefined) s.defaulted('capacity 2 (az default)');
  const g: AppGateway = {
    id: b.id('agw'),
    name,
    sku,
    subnetId: subnet.id,
    minCapacity: min ?? 2,
    maxCapacity: max ?? 2,
  };
  const ip = s.one('--private-ip-address');
  if (ip) g.privateFrontendIp = ip;
  pipLater(b, s, s.one('--public-ip-address'), (id) => (g.publicIpId = id));
  s.one('--priority');
  s.one('--waf-policy');
  b.d.appGateways.push(g);
  s.summary = `Application Gateway ${name} (${sku}) in subnet ${subnet.name}`;
};

const wafPolicy: Handler = (_b, s) => {
  for (const f of ['--name', '--policy-name', '--type', '--version', '--state', '--mode']) s.all(f);
  s.summary = 'WAF policy: the design gives every WAF_v2 gateway the default rule set in Prevention mode';
};

const bastionCreate: Handler = (b, s) => {
  const name = s.one('--name');
  if (!name) return void s.unresolved.push('--name is missing');
  b.location(s);
  const subnet = b.subnetRef(s, 'AzureBastionSubnet', s.one('--vnet-name'));
  if (!subnet) return;
  let sku = pick(s.one('--sku'), ['Basic', 'Standard', 'Premium'] as const);
  if (!sku) {
    s.defaulted('SKU Standard');
    sku = 'Standard';
  }
  const bastion = { id: b.id('bas'), name, sku, subnetId: subnet.id } as import('../../core/index').Bastion;
  pipLater(b, s, s.one('--public-ip-address'), (id) => (bastion.publicIpId = id));
  b.d.bastions.push(bastion);
  s.summary = `Bastion ${name} (${sku})`;
};

const privateEndpointCreate: Handler = (b, s) => {
  const name = s.one('--name');
  const target = s.one('--private-connection-resource-id');
  const parsed = target ? parseResourceId(target) : null;
  const m = target ? /\/providers\/([^/]+\/[^/]+)\/([^/]+)/i.exec(target) : null;
  const groupId = s.one('--group-id', '--group-ids');
  if (!name || !m || !parsed || !groupId)
    return void s.unresolved.push('--name, --private-connection-resource-id or --group-id is missing');
  b.location(s);
  const subnet = b.subnetRef(s, s.one('--subnet'), s.one('--vnet-name'));
  if (!subnet) return;
  s.one('--connection-name');
  b.d.privateEndpoints.push({
    id: b.id('pe'),
    name,
    subnetId: subnet.id,
    targetType: m[1]!,
    targetName: m[2]!,
    groupId,
  });
  s.summary = `private endpoint ${name} to ${m[2]} (${groupId})`;
};

/** Firewall policies by name: tier, DNS proxy and DNAT rules, read into the firewall that uses the policy. */
interface PolicyState {
  dnsProxy: boolean;
  dnat: FirewallDnatRule[];
}
const policies = new WeakMap<Build, Map<string, PolicyState>>();
function policyOf(b: Build, name: string | undefined): PolicyState | undefined {
  if (!policies.has(b)) policies.set(b, new Map());
  return name === undefined ? undefined : policies.get(b)!.get(name.toLowerCase());
}

const policyCreate: Handler = (b, s) => {
  const name = s.one('--name');
  if (!name) return void s.unresolved.push('--name is missing');
  policyOf(b, name);
  policies.get(b)!.set(name.toLowerCase(), { dnsProxy: s.bool('--enable-dns-proxy') ?? false, dnat: [] });
  s.one('--sku');
  s.summary = `firewall policy ${name}`;
};

const ruleGroupCreate: Handler = (_b, s) => {
  for (const f of ['--policy-name', '--name', '--priority']) s.all(f);
  s.summary = `rule collection group ${s.one('--name') ?? ''}`;
};

/** DNAT collections become the firewall's DNAT rules; filter rules are derived by the design, not imported. */
const collection: Handler = (b, s) => {
  const nat = s.call.path.includes('add-nat-collection') || /^natrule$/i.test(s.one('--rule-type') ?? '');
  const policy = policyOf(b, s.one('--policy-name'));
  for (const f of ['--rcg-name', '--collection-name', '--collection-priority', '--action', '--rule-type']) s.all(f);
  if (!nat) {
    for (const f of ['--name', '--rule-name', '--ip-protocols', '--source-addresses', '--destination-addresses'])
      s.all(f);
    for (const f of ['--destination-fqdns', '--destination-ports', '--protocols', '--target-fqdns', '--fqdn-tags'])
      s.all(f);
    s.extra.push({
      status: 'ignored',
      at: s.at,
      what: s.what,
      message: `filter rule ${s.one('--rule-name', '--name') ?? ''}: the design derives the AKS egress rules of its firewalls`,
    });
    return;
  }
  if (!policy)
    return void s.unresolved.push(`firewall policy ${s.one('--policy-name') ?? '?'} is not created before it`);
  const first = s.call.path.includes('add-nat-collection');
  // add-nat-collection names the collection with --name and its first rule with --rule-name.
  const name = first ? s.one('--rule-name') : s.one('--name');
  if (first) s.all('--name');
  // The rule translates the firewall's own public address, which the design derives from the firewall.
  s.skip('--source-addresses', '--destination-addresses');
  const rule = {
    name: name ?? '',
    protocol: pick(s.one('--ip-protocols'), ['TCP', 'UDP'] as const) ?? 'TCP',
    destinationPort: Number(s.one('--destination-ports')),
    translatedAddress: s.one('--translated-address') ?? '',
    translatedPort: s.int('--translated-port') ?? NaN,
  };
  if (!name || !rule.translatedAddress || !Number.isInteger(rule.destinationPort) || Number.isNaN(rule.translatedPort))
    return void s.unresolved.push('DNAT rule without name, port or translation');
  policy.dnat.push(rule);
  s.summary = `DNAT rule ${name}`;
};

const derivedRules: Handler = (_b, s) => {
  s.extra.push({
    status: 'ignored',
    at: s.at,
    what: s.what,
    message: 'classic firewall rule: the design derives the AKS egress rules of its firewalls',
  });
  for (const f of s.call.flags) s.used.add(f.flag);
};

/** Management public IPs: the design derives them, so the public IPs created only for that are dropped. */
const managementPips = new WeakMap<Build, Set<string>>();

function firewallParts(b: Build, s: Step, fw: Firewall, vnetName: string | undefined): void {
  const pip = s.one('--public-ip', '--public-ip-address');
  pipLater(b, s, pip, (id) => fw.publicIpIds.push(id));
  const mgmt = s.one('--m-public-ip', '--m-public-ip-address');
  s.all('--conf-name', '--name');
  s.all('--m-conf-name', '--m-name');
  const mVnet = s.one('--m-vnet-name') ?? vnetName;
  if (mgmt) {
    if (!managementPips.has(b)) managementPips.set(b, new Set());
    managementPips.get(b)!.add(mgmt.toLowerCase());
    const subnet = b.subnet(mVnet, 'AzureFirewallManagementSubnet');
    if (subnet) fw.managementSubnetId = subnet.id;
  }
}

const firewallCreate: Handler = (b, s) => {
  const name = s.one('--name');
  if (!name) return void s.unresolved.push('--name is missing');
  b.location(s);
  const vnetName = s.one('--vnet-name');
  let tier = pick(s.one('--tier'), ['Basic', 'Standard', 'Premium'] as const);
  if (!tier) {
    s.defaulted('tier Standard');
    tier = 'Standard';
  }
  s.one('--sku');
  // Without --vnet-name the subnet comes with `firewall ip-config create --vnet-name`.
  const subnet = vnetName ? b.subnetRef(s, 'AzureFirewallSubnet', vnetName) : undefined;
  if (vnetName && !subnet) return;
  const policyName = s.one('--firewall-policy');
  const fw: Firewall = {
    id: b.id('fw'),
    name,
    tier,
    subnetId: subnet?.id ?? '',
    publicIpIds: [],
    dnsProxy: s.bool('--enable-dns-proxy') ?? false,
    dnatRules: [],
  };
  b.defer(() => {
    if (!fw.subnetId) s.unresolved.push('no VNet given (--vnet-name here or on firewall ip-config create)');
    const policy = policyName ? policyOf(b, parseResourceId(policyName)?.names[0] ?? policyName) : undefined;
    if (policyName && !policy) s.unresolved.push(`firewall policy ${policyName} is not created in the input`);
    if (policy) Object.assign(fw, { dnsProxy: policy.dnsProxy, dnatRules: policy.dnat });
  });
  firewallParts(b, s, fw, vnetName);
  b.d.firewalls.push(fw);
  s.summary = `Azure Firewall ${name} (${tier})`;
};

const firewallIpConfig: Handler = (b, s) => {
  const fw = b.byName(b.d.firewalls, s.one('--firewall-name'));
  if (!fw) return void s.unresolved.push(`firewall ${s.one('--firewall-name') ?? '?'} is not created before it`);
  const vnetName = s.one('--vnet-name');
  if (vnetName) {
    const subnet = b.subnet(vnetName, 'AzureFirewallSubnet');
    if (subnet) fw.subnetId = subnet.id;
  }
  firewallParts(b, s, fw, vnetName);
  s.summary = `IP configuration of ${fw.name}`;
};

/** Drops public IPs created only as a firewall's management IP (the design derives that one). */
export function dropManagementPips(b: Build): void {
  const names = managementPips.get(b);
  if (!names) return;
  const used = new Set<string>();
  for (const x of [...b.d.firewalls, ...b.d.natGateways]) for (const id of x.publicIpIds) used.add(id);
  for (const x of [...b.d.appGateways, ...b.d.bastions]) if (x.publicIpId) used.add(x.publicIpId);
  for (const c of b.d.clusters) for (const id of c.loadBalancerProfile?.outboundPublicIpIds ?? []) used.add(id);
  b.d.publicIps = b.d.publicIps.filter((p) => used.has(p.id) || !names.has(p.name.toLowerCase()));
}

const albCreate: Handler = (b, s) => {
  const name = s.one('--name');
  if (!name) return void s.unresolved.push('--name is missing');
  b.location(s);
  b.d.appGatewaysForContainers.push({ id: b.id('agc'), name, subnetId: '', associationName: '', frontends: [] });
  s.summary = `Application Gateway for Containers ${name}`;
};

const albPart: Handler = (b, s) => {
  const g = b.byName(b.d.appGatewaysForContainers, s.one('--alb-name'));
  const name = s.one('--name');
  if (!g || !name) return void s.unresolved.push(`gateway ${s.one('--alb-name') ?? '?'} is not created before it`);
  if (s.call.path.includes('frontend')) {
    g.frontends.push({ id: b.id('agcfe'), name });
    s.summary = `frontend ${name} of ${g.name}`;
    return;
  }
  s.one('--association-type');
  const subnet = b.subnetRef(s, s.one('--subnet'), s.one('--vnet-name'));
  if (subnet) Object.assign(g, { subnetId: subnet.id, associationName: name });
  s.summary = `association ${name} of ${g.name}`;
};

const FW = 'network firewall policy rule-collection-group';
export const SERVICE_HANDLERS: Record<string, Handler> = {
  'network application-gateway create': appGatewayCreate,
  'network application-gateway waf-policy create': wafPolicy,
  'network application-gateway waf-policy policy-setting update': wafPolicy,
  'network bastion create': bastionCreate,
  'network private-endpoint create': privateEndpointCreate,
  'network firewall policy create': policyCreate,
  [`${FW} create`]: ruleGroupCreate,
  [`${FW} collection add-filter-collection`]: collection,
  [`${FW} collection add-nat-collection`]: collection,
  [`${FW} collection rule add`]: collection,
  'network firewall create': firewallCreate,
  'network firewall ip-config create': firewallIpConfig,
  'network firewall network-rule create': derivedRules,
  'network firewall application-rule create': derivedRules,
  'network alb create': albCreate,
  'network alb association create': albPart,
  'network alb frontend create': albPart,
};
