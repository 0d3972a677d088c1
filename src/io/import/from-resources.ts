/** The builder's stages in order, and what is settled once every element exists. */
import { firewallIp } from '../../core/index';
import { runBuild, T, type BuildCtx, type BuildOptions } from './build';
import { clusterIds, buildClusters } from './build-aks';
import {
  buildNatGateways,
  buildNsgs,
  buildPeerings,
  buildPublicIps,
  buildRouteTables,
  buildVnets,
  networkIds,
} from './build-network';
import { buildServices, serviceIds } from './build-services';
import type { ImportItem, ImportResult, ImportSource } from './report';
import { keyOf, type RawResource } from './resources';
import { describe, isRef } from './values';

/** Subnet purposes from what uses them (special names were set when read), then next hops given by reference. */
function settle(ctx: BuildCtx): void {
  for (const v of ctx.design.vnets)
    for (const s of v.subnets) {
      if (s.purpose !== 'general') continue;
      const use = ctx.subnetUse.get(s.id);
      if (use) s.purpose = use;
      else if (s.delegation === 'Microsoft.ContainerService/managedClusters') s.purpose = 'apiserver';
    }
  for (const { route, value, rt } of ctx.pendingHops) {
    const toFw = isRef(value) && value.$ref.type.toLowerCase() === T.firewall;
    const fwId = isRef(value) && toFw ? ctx.idFor(T.firewall, value.$ref.name) : undefined;
    const fw = ctx.design.firewalls.find((f) => f.id === fwId);
    const readsIp = isRef(value) && value.path.join('.').toLowerCase().endsWith('privateipaddress');
    const ip = fw && readsIp ? firewallIp(ctx.design, fw) : null;
    if (fw && ip) {
      route.nextHopIpAddress = ip;
      ctx.add('imported', rt, `route ${route.name}: next hop ${ip}, the private IP of firewall ${fw.name}`);
    } else ctx.add('unresolved', rt, `route ${route.name}: next hop ${describe(value)} is not an address in the input`);
  }
}

export function buildFromResources(
  from: ImportSource,
  resources: RawResource[],
  opts: BuildOptions = {},
  before: ImportItem[] = [],
): ImportResult {
  return runBuild(
    from,
    resources,
    {
      ids: [networkIds, serviceIds, clusterIds],
      build: [
        buildPublicIps,
        buildNatGateways,
        buildNsgs,
        buildRouteTables,
        buildVnets,
        buildPeerings,
        buildServices,
        buildClusters,
        settle,
      ],
    },
    opts,
    before,
  );
}

export { keyOf };
