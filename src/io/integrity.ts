/**
 * Cross-reference checks the schema cannot express: every id is unique across the design, and every
 * reference points at an element of the right kind. Messages name both paths (duplicates) or the field path
 * and the id that is missing (references).
 */
import type { Design } from '../core/index';
import type { LoadError } from './load-error';

type Kind =
  | 'vnet'
  | 'subnet'
  | 'peering'
  | 'on-prem site'
  | 'cluster'
  | 'node pool'
  | 'load balancer'
  | 'frontend'
  | 'application gateway'
  | 'firewall'
  | 'NAT gateway'
  | 'public IP'
  | 'route table'
  | 'route'
  | 'NSG'
  | 'NSG rule'
  | 'private endpoint'
  | 'Bastion';

interface Owner {
  kind: Kind;
  path: string;
}

/** Every element with an id, with its kind and path. */
function collectIds(d: Design): { id: string; kind: Kind; path: string }[] {
  const out: { id: string; kind: Kind; path: string }[] = [];
  const add = (list: readonly { id: string }[], kind: Kind, base: string) =>
    list.forEach((x, i) => out.push({ id: x.id, kind, path: `${base}[${i}].id` }));
  add(d.vnets, 'vnet', 'design.vnets');
  d.vnets.forEach((v, i) => add(v.subnets, 'subnet', `design.vnets[${i}].subnets`));
  add(d.peerings, 'peering', 'design.peerings');
  add(d.onPremSites, 'on-prem site', 'design.onPremSites');
  add(d.clusters, 'cluster', 'design.clusters');
  d.clusters.forEach((c, i) => add(c.nodePools, 'node pool', `design.clusters[${i}].nodePools`));
  add(d.loadBalancers, 'load balancer', 'design.loadBalancers');
  d.loadBalancers.forEach((l, i) => add(l.frontends, 'frontend', `design.loadBalancers[${i}].frontends`));
  add(d.appGateways, 'application gateway', 'design.appGateways');
  add(d.firewalls, 'firewall', 'design.firewalls');
  add(d.natGateways, 'NAT gateway', 'design.natGateways');
  add(d.publicIps, 'public IP', 'design.publicIps');
  add(d.routeTables, 'route table', 'design.routeTables');
  d.routeTables.forEach((r, i) => add(r.routes, 'route', `design.routeTables[${i}].routes`));
  add(d.nsgs, 'NSG', 'design.nsgs');
  d.nsgs.forEach((n, i) => add(n.rules, 'NSG rule', `design.nsgs[${i}].rules`));
  add(d.privateEndpoints, 'private endpoint', 'design.privateEndpoints');
  add(d.bastions, 'Bastion', 'design.bastions');
  return out;
}

/** Every reference: field path, the id it holds and the kind it must point at. */
function collectRefs(d: Design): { path: string; id: string | undefined; kind: Kind }[] {
  const refs: { path: string; id: string | undefined; kind: Kind }[] = [];
  const ref = (path: string, id: string | undefined, kind: Kind) => refs.push({ path, id, kind });
  const refList = (path: string, ids: readonly string[] | undefined, kind: Kind) =>
    ids?.forEach((id, i) => ref(`${path}[${i}]`, id, kind));
  d.vnets.forEach((v, i) =>
    v.subnets.forEach((s, j) => {
      const p = `design.vnets[${i}].subnets[${j}]`;
      ref(`${p}.nsgId`, s.nsgId, 'NSG');
      ref(`${p}.routeTableId`, s.routeTableId, 'route table');
      ref(`${p}.natGatewayId`, s.natGatewayId, 'NAT gateway');
    }),
  );
  d.peerings.forEach((x, i) => {
    ref(`design.peerings[${i}].localVnetId`, x.localVnetId, 'vnet');
    ref(`design.peerings[${i}].remoteVnetId`, x.remoteVnetId, 'vnet');
  });
  d.onPremSites.forEach((x, i) => ref(`design.onPremSites[${i}].gateway.vnetId`, x.gateway.vnetId, 'vnet'));
  d.clusters.forEach((c, i) => {
    const p = `design.clusters[${i}]`;
    ref(`${p}.apiServerSubnetId`, c.apiServerSubnetId, 'subnet');
    refList(`${p}.loadBalancerProfile.outboundPublicIpIds`, c.loadBalancerProfile?.outboundPublicIpIds, 'public IP');
    c.nodePools.forEach((n, j) => {
      ref(`${p}.nodePools[${j}].nodeSubnetId`, n.nodeSubnetId, 'subnet');
      ref(`${p}.nodePools[${j}].podSubnetId`, n.podSubnetId, 'subnet');
    });
  });
  d.loadBalancers.forEach((l, i) => {
    ref(`design.loadBalancers[${i}].clusterId`, l.clusterId, 'cluster');
    ref(`design.loadBalancers[${i}].subnetId`, l.subnetId, 'subnet');
    l.frontends.forEach((f, j) =>
      ref(`design.loadBalancers[${i}].frontends[${j}].publicIpId`, f.publicIpId, 'public IP'),
    );
  });
  d.appGateways.forEach((a, i) => {
    ref(`design.appGateways[${i}].subnetId`, a.subnetId, 'subnet');
    ref(`design.appGateways[${i}].publicIpId`, a.publicIpId, 'public IP');
    ref(`design.appGateways[${i}].agicClusterId`, a.agicClusterId, 'cluster');
  });
  d.firewalls.forEach((f, i) => {
    ref(`design.firewalls[${i}].subnetId`, f.subnetId, 'subnet');
    ref(`design.firewalls[${i}].managementSubnetId`, f.managementSubnetId, 'subnet');
    refList(`design.firewalls[${i}].publicIpIds`, f.publicIpIds, 'public IP');
  });
  d.natGateways.forEach((n, i) => refList(`design.natGateways[${i}].publicIpIds`, n.publicIpIds, 'public IP'));
  d.privateEndpoints.forEach((e, i) => ref(`design.privateEndpoints[${i}].subnetId`, e.subnetId, 'subnet'));
  d.bastions.forEach((b, i) => {
    ref(`design.bastions[${i}].subnetId`, b.subnetId, 'subnet');
    ref(`design.bastions[${i}].publicIpId`, b.publicIpId, 'public IP');
  });
  return refs;
}

/** Duplicate ids and dangling or wrong-kind references, as load errors. Returns the id index too. */
export function checkIntegrity(design: Design): { errors: LoadError[]; ids: Map<string, Owner> } {
  const errors: LoadError[] = [];
  const ids = new Map<string, Owner>();
  for (const { id, kind, path } of collectIds(design)) {
    const first = ids.get(id);
    if (first)
      errors.push({ path, message: `duplicate id "${id}": already used by the ${first.kind} at ${first.path}` });
    else ids.set(id, { kind, path });
  }
  for (const { path, id, kind } of collectRefs(design)) {
    if (id === undefined) continue;
    const target = ids.get(id);
    if (!target) errors.push({ path, message: `refers to ${kind} "${id}", which does not exist in this design` });
    else if (target.kind !== kind) {
      errors.push({ path, message: `refers to "${id}", which is a ${target.kind} (at ${target.path}), not a ${kind}` });
    }
  }
  return { errors, ids };
}
