/** az commands for the network: public IPs, NAT gateways, NSGs, route tables, VNets, subnets, peerings. */
import type { Design } from '../core/index';
import { az, childOf, createdAs, inGroup, type AzCommand } from './az-model';
import { exportedPipSku } from './export-fallbacks';
import { nameOf, nm } from './names';

export function publicIpCommands(d: Design): AzCommand[] {
  return d.publicIps.map((p) => {
    const f = createdAs(nm(p.name)).add('--sku', exportedPipSku(p)).add('--allocation-method', 'Static');
    if (p.zones?.length) f.many('--zone', p.zones);
    const note = p.sku === 'Basic' ? ' (Basic SKU retired on 30 September 2025: written as Standard)' : '';
    return az('network public-ip create', f, `Public IP ${p.name}${note}`);
  });
}

export function natGatewayCommands(d: Design): AzCommand[] {
  return d.natGateways.map((n) =>
    az(
      'network nat gateway create',
      createdAs(nm(n.name))
        .add('--sku', n.sku === 'StandardV2' ? 'StandardV2' : undefined)
        .many(
          '--public-ip-addresses',
          n.publicIpIds.map((id) => nm(nameOf(d.publicIps, id) ?? id)),
        )
        .add('--idle-timeout', n.idleTimeoutMinutes),
      `NAT gateway ${n.name}`,
    ),
  );
}

export function nsgCommands(d: Design): AzCommand[] {
  return d.nsgs.flatMap((n) => [
    az('network nsg create', createdAs(nm(n.name)), `NSG ${n.name}`),
    ...[...n.rules]
      .sort((a, b) => a.priority - b.priority)
      .map((r) =>
        az(
          'network nsg rule create',
          childOf('--nsg-name', nm(n.name), r.name)
            .add('--priority', r.priority)
            .add('--direction', r.direction)
            .add('--access', r.access)
            .add('--protocol', r.protocol)
            .many('--source-address-prefixes', [r.sourceAddressPrefix])
            .many('--source-port-ranges', [r.sourcePortRange])
            .many('--destination-address-prefixes', [r.destinationAddressPrefix])
            .many('--destination-port-ranges', [r.destinationPortRange]),
        ),
      ),
  ]);
}

export function routeTableCommands(d: Design): AzCommand[] {
  return d.routeTables.flatMap((t) => [
    az(
      'network route-table create',
      createdAs(nm(t.name)).add('--disable-bgp-route-propagation', String(t.disableBgpRoutePropagation)),
      `Route table ${t.name}`,
    ),
    ...t.routes.map((r) =>
      az(
        'network route-table route create',
        childOf('--route-table-name', nm(t.name), r.name)
          .add('--address-prefix', r.addressPrefix)
          .add('--next-hop-type', r.nextHopType)
          .add('--next-hop-ip-address', r.nextHopType === 'VirtualAppliance' ? r.nextHopIpAddress : undefined),
      ),
    ),
  ]);
}

export function vnetCommands(d: Design): AzCommand[] {
  return d.vnets.flatMap((v) => [
    az(
      'network vnet create',
      createdAs(nm(v.name))
        .many('--address-prefixes', v.addressSpaces)
        .many('--dns-servers', v.dnsServers ?? []),
      `VNet ${v.name}`,
    ),
    ...v.subnets.map((s) => {
      const f = childOf('--vnet-name', nm(v.name), s.name).many('--address-prefixes', [s.cidr]);
      const nsg = nameOf(d.nsgs, s.nsgId);
      const rt = nameOf(d.routeTables, s.routeTableId);
      const nat = nameOf(d.natGateways, s.natGatewayId);
      if (nsg) f.add('--network-security-group', nm(nsg));
      if (rt) f.add('--route-table', nm(rt));
      if (nat) f.add('--nat-gateway', nm(nat));
      if (s.delegation) f.add('--delegations', s.delegation);
      if (s.privateEndpointNetworkPolicies)
        f.add('--private-endpoint-network-policies', s.privateEndpointNetworkPolicies);
      if (s.defaultOutboundAccess !== undefined) f.add('--default-outbound-access', String(s.defaultOutboundAccess));
      return az('network vnet subnet create', f);
    }),
  ]);
}

/** Peerings in both directions; gateway transit on the local side, use-remote-gateways on the remote side. */
export function peeringCommands(d: Design): AzCommand[] {
  return d.peerings.flatMap((p) => {
    const local = nameOf(d.vnets, p.localVnetId);
    const remote = nameOf(d.vnets, p.remoteVnetId);
    if (!local || !remote) return [];
    const one = (from: string, to: string, name: string, transit: boolean, useRemote: boolean) =>
      az(
        'network vnet peering create',
        inGroup()
          .add('--name', name)
          .add('--vnet-name', nm(from))
          .add('--remote-vnet', nm(to))
          .add('--allow-vnet-access', 'true')
          .add('--allow-forwarded-traffic', String(p.allowForwardedTraffic))
          .add('--allow-gateway-transit', String(transit))
          .add('--use-remote-gateways', String(useRemote)),
      );
    return [
      {
        ...one(local, remote, p.name, p.allowGatewayTransit, false),
        comment: `Peering ${p.name}: ${local} <-> ${remote}`,
      },
      p.useRemoteGateways
        ? {
            ...one(remote, local, `${p.name}-return`, false, true),
            comment: `${remote} uses the gateway of ${local}: its virtual network gateway must exist first (this script does not create gateways)`,
          }
        : one(remote, local, `${p.name}-return`, false, false),
    ];
  });
}
