/** Azure Firewall (with its policy and DNAT rules), Application Gateway, Bastion, private endpoints and AGC. */
import type { AppGateway, Firewall, FirewallDnatRule } from '../../core/index';
import { T, type BuildCtx } from './build';
import { membersOf } from './build-network';
import { refTarget, type RawResource } from './resources';
import { arr, bool, describe, dig, get, num, props, str, type Val } from './values';

const ipConfigs = (p: Val) => arr(get(p, 'ipConfigurations')).map((c) => props(c));

export function serviceIds(ctx: BuildCtx): void {
  ctx.newIds([
    [T.firewall, 'fw'],
    [T.appGateway, 'agw'],
    [T.bastion, 'bas'],
    [T.privateEndpoint, 'pe'],
    [T.agc, 'agc'],
  ]);
  for (const fw of ctx.ofType(T.firewall)) {
    const mgmt = refTarget(dig(props(fw.body), 'managementIpConfiguration', 'properties', 'publicIPAddress', 'id'));
    const pip = mgmt && ctx.find(T.pip, mgmt.name);
    if (pip) ctx.managementPips.add(pip);
  }
}

function dnatRules(ctx: BuildCtx, policy: RawResource): FirewallDnatRule[] {
  const out: FirewallDnatRule[] = [];
  for (const [gname, , group] of membersOf(ctx, policy, '', T.ruleGroup)) {
    const collections = arr(get(props(group.body), 'ruleCollections'));
    const nat = collections.filter((c) => str(get(c, 'ruleCollectionType')) === 'FirewallPolicyNatRuleCollection');
    for (const c of nat)
      for (const rule of arr(get(c, 'rules'))) {
        const proto = str(arr(get(rule, 'ipProtocols'))[0])?.toUpperCase();
        const dport = num(arr(get(rule, 'destinationPorts'))[0]);
        const tport = num(get(rule, 'translatedPort'));
        const addr = str(get(rule, 'translatedAddress'));
        if ((proto !== 'TCP' && proto !== 'UDP') || dport === undefined || tport === undefined || !addr) {
          ctx.add('ignored', group, `DNAT rule ${describe(get(rule, 'name'))}: not one protocol, port and address`);
          continue;
        }
        out.push({
          name: str(get(rule, 'name')) ?? 'dnat',
          protocol: proto,
          destinationPort: dport,
          translatedAddress: addr,
          translatedPort: tport,
        });
      }
    if (collections.length > nat.length)
      ctx.add(
        'ignored',
        group,
        `rule collection group ${gname}: network and application rules are derived from the design (AKS egress), not imported`,
      );
  }
  return out;
}

function firewall(ctx: BuildCtx, r: RawResource): Firewall | null {
  const p = props(r.body);
  const configs = ipConfigs(p);
  const withSubnet = configs.find((c) => dig(c, 'subnet', 'id') !== undefined);
  const subnetId = withSubnet && ctx.resolve(dig(withSubnet, 'subnet', 'id'), T.subnet, r, 'ipConfigurations subnet');
  if (!subnetId) return null;
  const policyRef = refTarget(dig(p, 'firewallPolicy', 'id'));
  const policy = policyRef ? ctx.find(T.policy, policyRef.name) : undefined;
  if (policyRef && !policy) ctx.add('unresolved', r, `firewallPolicy refers to ${policyRef.name}, not in the input`);
  if (policy) ctx.consumed.add(policy);
  const tierText = str(dig(p, 'sku', 'tier')) ?? (policy && str(dig(props(policy.body), 'sku', 'tier')));
  const tier = (['Basic', 'Standard', 'Premium'] as const).find((t) => t === tierText);
  if (!tier) ctx.add('defaulted', r, `tier ${tierText ?? 'not given'}: Standard used`);
  const fw: Firewall = {
    id: ctx.idFor(T.firewall, r.name as string)!,
    name: r.name as string,
    tier: tier ?? 'Standard',
    subnetId,
    publicIpIds: configs.flatMap((c) => {
      const id = ctx.resolve(dig(c, 'publicIPAddress', 'id'), T.pip, r, 'ipConfigurations publicIPAddress');
      return id ? [id] : [];
    }),
    dnsProxy: bool(dig(policy ? props(policy.body) : p, 'dnsSettings', 'enableProxy')) ?? false,
    dnatRules: policy ? dnatRules(ctx, policy) : [],
  };
  const ip = str(get(withSubnet, 'privateIPAddress'));
  if (ip) fw.privateIp = ip;
  const mgmt = dig(p, 'managementIpConfiguration', 'properties', 'subnet', 'id');
  const mgmtId = mgmt !== undefined ? ctx.resolve(mgmt, T.subnet, r, 'managementIpConfiguration subnet') : undefined;
  if (mgmtId) fw.managementSubnetId = mgmtId;
  for (const legacy of ['natRuleCollections', 'networkRuleCollections', 'applicationRuleCollections'])
    if (arr(get(p, legacy)).length)
      ctx.add('ignored', r, `classic ${legacy} are not modelled (the design uses a firewall policy)`);
  return fw;
}

function appGateway(ctx: BuildCtx, r: RawResource): AppGateway | null {
  const p = props(r.body);
  const subnetRef =
    dig(arr(get(p, 'gatewayIPConfigurations'))[0], 'properties', 'subnet', 'id') ??
    dig(arr(get(p, 'gatewayIPConfigurations'))[0], 'subnet', 'id');
  const subnetId = ctx.resolve(subnetRef, T.subnet, r, 'gatewayIPConfigurations subnet');
  if (!subnetId) return null;
  const skuText = str(dig(p, 'sku', 'name')) ?? str(dig(r.body, 'sku', 'name'));
  const sku = skuText === 'WAF_v2' ? 'WAF_v2' : 'Standard_v2';
  if (skuText !== sku) ctx.add('defaulted', r, `SKU ${skuText ?? 'not given'}: ${sku} used (v1 gateways are retired)`);
  const capacity = num(dig(p, 'sku', 'capacity'));
  const min = num(dig(p, 'autoscaleConfiguration', 'minCapacity')) ?? capacity;
  const max = num(dig(p, 'autoscaleConfiguration', 'maxCapacity')) ?? capacity ?? min;
  if (min === undefined) ctx.add('defaulted', r, 'no capacity given: autoscale 0 to 10 used');
  const g: AppGateway = {
    id: ctx.idFor(T.appGateway, r.name as string)!,
    name: r.name as string,
    sku,
    subnetId,
    minCapacity: min ?? 0,
    maxCapacity: max ?? 10,
  };
  for (const fe of arr(get(p, 'frontendIPConfigurations')).map((x) => props(x))) {
    const pip = get(fe, 'publicIPAddress');
    if (pip !== undefined) {
      const id = ctx.resolve(get(pip, 'id'), T.pip, r, 'frontendIPConfigurations publicIPAddress');
      if (id) g.publicIpId = id;
    }
    const priv = str(get(fe, 'privateIPAddress'));
    if (priv) g.privateFrontendIp = priv;
  }
  const waf = refTarget(dig(p, 'firewallPolicy', 'id'));
  const wafRes = waf && ctx.find(T.waf, waf.name);
  if (wafRes) {
    ctx.consumed.add(wafRes);
    ctx.add('ignored', wafRes, `WAF policy of ${g.name}: its settings are not modelled (the gateway's SKU is)`);
  }
  return g;
}

function bastion(ctx: BuildCtx, r: RawResource): void {
  const cfg = ipConfigs(props(r.body))[0];
  const subnetId = ctx.resolve(dig(cfg, 'subnet', 'id'), T.subnet, r, 'ipConfigurations subnet');
  if (!subnetId) return void ctx.add('unresolved', r, 'no subnet: not imported');
  const skuText = str(dig(r.body, 'sku', 'name'));
  const sku = (['Basic', 'Standard', 'Premium'] as const).find((s) => s === skuText);
  if (!sku) ctx.add('defaulted', r, `SKU ${skuText ?? 'not given'}: Basic used`);
  const pip = dig(cfg, 'publicIPAddress', 'id');
  const publicIpId = pip !== undefined ? ctx.resolve(pip, T.pip, r, 'ipConfigurations publicIPAddress') : undefined;
  ctx.design.bastions.push({
    id: ctx.idFor(T.bastion, r.name as string)!,
    name: r.name as string,
    sku: sku ?? 'Basic',
    subnetId,
    ...(publicIpId ? { publicIpId } : {}),
  });
  ctx.subnetUse.set(subnetId, 'bastion');
  ctx.add('imported', r, 'Bastion');
}

function privateEndpoint(ctx: BuildCtx, r: RawResource): void {
  const p = props(r.body);
  const subnetId = ctx.resolve(dig(p, 'subnet', 'id'), T.subnet, r, 'subnet');
  if (!subnetId) return void ctx.add('unresolved', r, 'no subnet: not imported');
  const conn = props(
    arr(get(p, 'privateLinkServiceConnections'))[0] ?? arr(get(p, 'manualPrivateLinkServiceConnections'))[0],
  );
  const target = refTarget(get(conn, 'privateLinkServiceId'));
  const groupId = str(arr(get(conn, 'groupIds'))[0]);
  if (!target || !groupId)
    return void ctx.add('unresolved', r, `target not literal: ${describe(get(conn, 'privateLinkServiceId'))}`);
  const ip =
    str(dig(ipConfigs(p)[0], 'privateIPAddress')) ??
    str(arr(dig(arr(get(p, 'customDnsConfigs'))[0], 'ipAddresses'))[0]);
  ctx.design.privateEndpoints.push({
    id: ctx.idFor(T.privateEndpoint, r.name as string)!,
    name: r.name as string,
    subnetId,
    targetType: target.type,
    targetName: target.name,
    groupId,
    ...(ip ? { privateIp: ip } : {}),
  });
  ctx.subnetUse.set(subnetId, 'private-endpoints');
  ctx.add('imported', r, `private endpoint to ${target.type} ${target.name}`);
}

function agc(ctx: BuildCtx, r: RawResource): void {
  const assoc = membersOf(ctx, r, 'associations', T.agcAssociation)[0];
  const frontends = membersOf(ctx, r, 'frontends', T.agcFrontend).map(([n]) => ({
    id: ctx.newId('agcfe', n),
    name: n,
  }));
  const subnetId = assoc && ctx.resolve(dig(props(assoc[1]), 'subnet', 'id'), T.subnet, assoc[2], 'association subnet');
  if (!assoc || !subnetId) return void ctx.add('unresolved', r, 'no association with a subnet: not imported');
  ctx.design.appGatewaysForContainers.push({
    id: ctx.idFor(T.agc, r.name as string)!,
    name: r.name as string,
    subnetId,
    associationName: assoc[0],
    frontends,
  });
  ctx.add('imported', r, `Application Gateway for Containers with ${frontends.length} frontend(s)`);
}

/** Reads each resource of `type`; one `read` finds no subnet for is reported and left out. */
function eachWithSubnet<X>(
  ctx: BuildCtx,
  type: string,
  read: (ctx: BuildCtx, r: RawResource) => X | null,
  keep: (x: X, r: RawResource) => void,
): void {
  for (const r of ctx.ofType(type)) {
    ctx.consumed.add(r);
    const x = read(ctx, r);
    if (x) keep(x, r);
    else ctx.add('unresolved', r, 'no subnet: not imported');
  }
}

export function buildServices(ctx: BuildCtx): void {
  eachWithSubnet(ctx, T.firewall, firewall, (fw, r) => {
    ctx.design.firewalls.push(fw);
    ctx.add(
      'imported',
      r,
      `firewall with ${fw.publicIpIds.length} public IP(s) and ${fw.dnatRules.length} DNAT rule(s)`,
    );
  });
  eachWithSubnet(ctx, T.appGateway, appGateway, (g, r) => {
    ctx.design.appGateways.push(g);
    ctx.subnetUse.set(g.subnetId, 'app-gateway');
    ctx.add('imported', r, 'Application Gateway');
  });
  for (const [type, read] of [
    [T.bastion, bastion],
    [T.privateEndpoint, privateEndpoint],
    [T.agc, agc],
  ] as const)
    for (const r of ctx.ofType(type)) {
      ctx.consumed.add(r);
      read(ctx, r);
    }
  for (const r of ctx.ofType(T.policy))
    if (!ctx.consumed.has(r)) {
      ctx.consumed.add(r);
      ctx.add('ignored', r, 'firewall policy no firewall in the input uses');
    }
}
