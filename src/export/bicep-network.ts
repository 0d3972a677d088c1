/** Bicep resources for public IPs, NAT gateways, NSGs, route tables, VNets with their subnets, and peerings. */
import type { Design } from '../core/index';
import { exportedPipSku } from './export-fallbacks';
import { API_VERSIONS, type ResourceType } from './bicep-api-versions';
import { ex, prefixed, type BResource, type BVal, type Symbols } from './bicep-writer';

export function res(type: ResourceType, symbol: string, body: BResource['body'], comment?: string): BResource {
  const r: BResource = { symbol, type, apiVersion: API_VERSIONS[type], body };
  if (comment) r.comment = comment;
  return r;
}

/** A resource in the deployment's location, named with the prefix; `name` and `location` come first in its body. */
export function located(
  type: ResourceType,
  symbol: string,
  name: string,
  body: BResource['body'],
  comment?: string,
): BResource {
  return res(type, symbol, { name: prefixed(name), location: ex('location'), ...body }, comment);
}

export function networkResources(d: Design, sym: Symbols): BResource[] {
  const out: BResource[] = [];
  for (const p of d.publicIps) {
    out.push(
      located('Microsoft.Network/publicIPAddresses', sym.name(p.id, `pip_${p.name}`), p.name, {
        sku: { name: exportedPipSku(p) },
        zones: p.zones?.length ? p.zones : undefined,
        properties: { publicIPAllocationMethod: 'Static' },
      }),
    );
  }
  for (const n of d.natGateways) {
    out.push(
      located('Microsoft.Network/natGateways', sym.name(n.id, `nat_${n.name}`), n.name, {
        sku: { name: n.sku ?? 'Standard' },
        properties: {
          idleTimeoutInMinutes: n.idleTimeoutMinutes,
          publicIpAddresses: n.publicIpIds.flatMap((id): BVal[] => {
            const r = sym.ref(id);
            return r ? [r] : [];
          }),
        },
      }),
    );
  }
  for (const n of d.nsgs) {
    out.push(
      located('Microsoft.Network/networkSecurityGroups', sym.name(n.id, `nsg_${n.name}`), n.name, {
        properties: {
          securityRules: [...n.rules]
            .sort((a, b) => a.priority - b.priority)
            .map((r) => ({
              name: r.name,
              properties: {
                priority: r.priority,
                direction: r.direction,
                access: r.access,
                protocol: r.protocol,
                sourceAddressPrefix: r.sourceAddressPrefix,
                sourcePortRange: r.sourcePortRange,
                destinationAddressPrefix: r.destinationAddressPrefix,
                destinationPortRange: r.destinationPortRange,
              },
            })),
        },
      }),
    );
  }
  for (const t of d.routeTables) {
    out.push(
      located('Microsoft.Network/routeTables', sym.name(t.id, `rt_${t.name}`), t.name, {
        properties: {
          disableBgpRoutePropagation: t.disableBgpRoutePropagation,
          routes: t.routes.map((r) => ({
            name: r.name,
            properties: {
              addressPrefix: r.addressPrefix,
              nextHopType: r.nextHopType,
              nextHopIpAddress: r.nextHopType === 'VirtualAppliance' ? r.nextHopIpAddress : undefined,
            },
          })),
        },
      }),
    );
  }
  for (const v of d.vnets) {
    const vsym = sym.name(v.id, `vnet_${v.name}`);
    out.push(
      located(
        'Microsoft.Network/virtualNetworks',
        vsym,
        v.name,
        {
          properties: {
            addressSpace: { addressPrefixes: v.addressSpaces },
            dhcpOptions: v.dnsServers?.length ? { dnsServers: v.dnsServers } : undefined,
            subnets: v.subnets.map((s) => ({
              name: s.name,
              properties: {
                addressPrefix: s.cidr,
                networkSecurityGroup: sym.ref(s.nsgId),
                routeTable: sym.ref(s.routeTableId),
                natGateway: sym.ref(s.natGatewayId),
                delegations: s.delegation
                  ? [{ name: 'delegation', properties: { serviceName: s.delegation } }]
                  : undefined,
                privateEndpointNetworkPolicies: s.privateEndpointNetworkPolicies,
                defaultOutboundAccess: s.defaultOutboundAccess,
              },
            })),
          },
        },
        `VNet ${v.name}`,
      ),
    );
    // Subnets declared as existing children so other resources reference them symbolically.
    for (const s of v.subnets) {
      out.push({
        ...res('Microsoft.Network/virtualNetworks/subnets', sym.name(s.id, `${vsym}_${s.name}`), {
          parent: ex(vsym),
          name: s.name,
        }),
        existing: true,
      });
    }
  }
  for (const p of d.peerings) {
    const a = sym.get(p.localVnetId);
    const b = sym.get(p.remoteVnetId);
    if (!a || !b) continue;
    const one = (from: string, to: string, name: string, transit: boolean, remote: boolean, key: string) =>
      res(
        'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
        sym.name(key, `peer_${name}`),
        {
          parent: ex(from),
          name,
          properties: {
            remoteVirtualNetwork: { id: ex(`${to}.id`) },
            allowVirtualNetworkAccess: true,
            allowForwardedTraffic: p.allowForwardedTraffic,
            allowGatewayTransit: transit,
            useRemoteGateways: remote,
          },
        },
        remote
          ? "Uses the remote VNet's gateway: its virtual network gateway must exist first (this file does not create gateways)"
          : undefined,
      );
    out.push(
      one(a, b, p.name, p.allowGatewayTransit, false, `${p.id}:out`),
      one(b, a, `${p.name}-return`, false, p.useRemoteGateways, `${p.id}:back`),
    );
  }
  return out;
}
