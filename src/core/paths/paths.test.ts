import { describe, expect, it } from 'vitest';
import { computeAddressPlan } from '../ipam/address-plan';
import { oneClusterDesign } from '../ipam/test-design';
import { addHub } from '../routes/test-hub';
import { addPool, frontend, loadBalancer, peering, routeTable, tableOnSubnet, viaAppliance } from '../test-elements';
import { allowGatewayManager, nsgRule } from '../../../test/fixtures-nsg';
import type { Design, OutboundType } from '../model';
import { aksEgressRuleSet } from './egress-rules';
import { traceEgress } from './egress';
import { traceIngress } from './ingress';
import { defaultPortsPerNode, lbSnat, natSnat } from './snat';

/** Spoke with the cluster, hub with a firewall at 10.200.0.4 and its public IP, on-prem behind the hub gateway. */
function withHub(outboundType: OutboundType, viaFirewall: boolean, plugin: 'kubenet' | 'azure' = 'azure'): Design {
  const d = oneClusterDesign({ cluster: { outboundType, networkPlugin: plugin }, pool: { count: 2 } });
  return addHub(d, { publicIps: true, gatewayTransit: true, onPrem: 'ExpressRoute', defaultRoute: viaFirewall });
}

/** A second spoke vnet-spoke2 with snet-app, peered with the hub (hub-spoke2), not with the first spoke. */
function addSpoke2(d: Design, space: string, appCidr: string): void {
  d.vnets.push({
    id: 'spoke2',
    name: 'vnet-spoke2',
    addressSpaces: [space],
    subnets: [{ id: 's2', name: 'snet-app', cidr: appCidr, purpose: 'general' }],
  });
  d.peerings.push(peering('p2', 'hub-spoke2', 'hub', 'spoke2'));
}

const egress = (d: Design, to = 'internet') => traceEgress(d, computeAddressPlan(d), 'pool', to);

describe('egress traces per outbound type', () => {
  it('loadBalancer: pod IP (Azure CNI) leaves through the load balancer outbound IP', () => {
    const t = egress(withHub('loadBalancer', false));
    expect(t.outcome).toBe('delivered');
    expect(t.hops.map((h) => h.kind)).toEqual(['pod', 'load-balancer', 'destination']);
    expect(t.sourceIpSeen).toBe('1 managed outbound IP(s) of the aks-one load balancer');
  });

  it('kubenet: the pod IP is translated to the node IP first (10.240.0.4, the first usable address)', () => {
    const t = egress(withHub('loadBalancer', false, 'kubenet'));
    expect(t.hops[1]!.snat).toEqual({ from: 'pod IP', to: '10.240.0.4' });
    expect(t.hops[2]!.snat!.from).toBe('10.240.0.4');
  });

  it('managedNATGateway and userAssignedNATGateway: the NAT gateway public IP is the source', () => {
    expect(egress(withHub('managedNATGateway', false)).sourceIpSeen).toBe(
      '1 managed IP(s) of the AKS-managed NAT gateway',
    );
    const d = withHub('userAssignedNATGateway', false);
    d.natGateways.push({ id: 'nat', name: 'nat-spoke', publicIpIds: ['pip-nat'], idleTimeoutMinutes: 4 });
    d.vnets[0]!.subnets[0]!.natGatewayId = 'nat';
    expect(egress(d).sourceIpSeen).toBe('public IP pip-nat of NAT gateway nat-spoke');
    d.vnets[0]!.subnets[0]!.natGatewayId = undefined;
    expect(egress(d).outcome).toBe('dropped');
  });

  it('userDefinedRouting: 0.0.0.0/0 to the firewall at 10.200.0.4 (first usable of its /26), SNAT to its public IP', () => {
    const t = egress(withHub('userDefinedRouting', true));
    expect(t.hops.map((h) => h.kind)).toEqual(['pod', 'firewall', 'public-ip', 'destination']);
    expect(t.hops[1]!.label).toBe('Azure Firewall fw-hub (10.200.0.4)');
    expect(t.sourceIpSeen).toBe('public IP pip-fw of fw-hub');
    // Without the route, userDefinedRouting has no way out.
    expect(egress(withHub('userDefinedRouting', false)).outcome).toBe('dropped');
  });

  it('none: no egress at all', () => {
    expect(egress(withHub('none', false)).outcome).toBe('dropped');
  });

  it('on-premises goes through the gateway with the pod IP unchanged (Azure CNI)', () => {
    const t = egress(withHub('loadBalancer', false), '192.168.10.20');
    expect(t.hops.map((h) => h.kind)).toEqual(['pod', 'gateway', 'destination']);
    expect(t.hops[1]!.label).toBe('ExpressRoute gateway to dc1');
    expect(t.sourceIpSeen).toBe('pod IP in snet-nodes');
  });

  it('another spoke behind the hub is dropped without a route (10.0.0.0/8 is not None here, 172.16/12 is)', () => {
    const d = withHub('loadBalancer', false);
    addSpoke2(d, '172.20.0.0/16', '172.20.1.0/24');
    expect(egress(d, '172.20.1.10').outcome).toBe('dropped');
  });
});

describe('egress through the hub', () => {
  it('userDefinedRouting via an NVA (not a firewall): the appliance forwards and SNATs to its own public IP', () => {
    const d = withHub('userDefinedRouting', true);
    d.vnets[1]!.subnets.push({ id: 'nva-sub', name: 'snet-nva', cidr: '10.200.0.128/27', purpose: 'general' });
    // 10.200.0.128/27: .128-.131 reserved, the NVA takes .132.
    d.routeTables[0]!.routes[0]!.nextHopIpAddress = '10.200.0.132';
    const t = egress(d);
    expect(t.hops.map((h) => h.kind)).toEqual(['pod', 'appliance', 'public-ip', 'destination']);
    expect(t.hops[1]!.label).toBe('network virtual appliance 10.200.0.132 in snet-nva');
    expect(t.sourceIpSeen).toBe('the public IP of network virtual appliance 10.200.0.132 in snet-nva');
  });

  it('another spoke through the firewall: 0.0.0.0/0 → 10.200.0.4 covers 10.241.0.0/16 (the 10/8 None route is invalid), no SNAT', () => {
    const d = withHub('userDefinedRouting', true);
    addSpoke2(d, '10.241.0.0/16', '10.241.1.0/24');
    const t = egress(d, '10.241.1.10');
    expect(t.hops.map((h) => h.kind)).toEqual(['pod', 'firewall', 'peering', 'destination']);
    expect(t.hops[1]!.snat).toBeUndefined();
    expect(t.hops[2]!.decidedBy).toBe(
      'AzureFirewallSubnet: 10.241.0.0/16 → VNetPeering (peered VNet vnet-spoke2 (hub-spoke2))',
    );
    // Azure CNI (node subnet): the destination sees the pod's own VNet address.
    expect(t.sourceIpSeen).toBe('pod IP in snet-nodes');
  });

  it('a private endpoint in the hub: its /32 route goes straight past the firewall default route', () => {
    const d = withHub('userDefinedRouting', true);
    d.vnets[1]!.subnets.push({ id: 'pe-sub', name: 'snet-pe', cidr: '10.200.0.64/27', purpose: 'private-endpoints' });
    d.privateEndpoints.push({
      id: 'pe',
      name: 'pe-acr',
      subnetId: 'pe-sub',
      targetType: 'Microsoft.ContainerRegistry/registries',
      targetName: 'acr1',
      groupId: 'registry',
      privateIp: '10.200.0.70',
    });
    const t = egress(d, '10.200.0.70');
    expect(t.hops.map((h) => h.kind)).toEqual(['pod', 'peering', 'destination']);
    expect(t.hops[2]!.label).toBe('private endpoint pe-acr (registry of acr1) at 10.200.0.70');
    expect(t.hops[2]!.resourceId).toBe('pe');
  });

  it('kubenet on-premises: pod IP → node IP 10.240.0.4, which on-prem sees', () => {
    const t = egress(withHub('loadBalancer', false, 'kubenet'), '192.168.10.20');
    expect(t.hops.map((h) => h.kind)).toEqual(['pod', 'node', 'gateway', 'destination']);
    expect(t.sourceIpSeen).toBe('10.240.0.4');
  });
});

describe('ingress traces', () => {
  it('App Gateway v2 needs GatewayManager on 65200-65535: an NSG without it blocks the path', () => {
    const d = withHub('loadBalancer', false);
    d.vnets[0]!.subnets.push({
      id: 'agw-sub',
      name: 'snet-agw',
      cidr: '10.240.4.0/24',
      purpose: 'app-gateway',
      nsgId: 'nsg',
    });
    const https = { protocol: 'Tcp', sourceAddressPrefix: 'Internet', destinationPortRange: '443' } as const;
    d.nsgs.push({
      id: 'nsg',
      name: 'nsg-agw',
      rules: [nsgRule({ name: 'https', priority: 100, access: 'Allow', ...https })],
    });
    d.appGateways.push({
      id: 'agw',
      name: 'agw',
      sku: 'WAF_v2',
      subnetId: 'agw-sub',
      minCapacity: 2,
      maxCapacity: 2,
      publicIpId: 'pip',
      agicClusterId: 'aks',
    });
    const [t] = traceIngress(d, computeAddressPlan(d), 'pool');
    expect(t!.outcome).toBe('blocked');
    expect(t!.hops[1]!.label).toBe('BLOCKED: GatewayManager to TCP 65200-65535');
    d.nsgs[0]!.rules.push(allowGatewayManager);
    expect(traceIngress(d, computeAddressPlan(d), 'pool')[0]!.outcome).toBe('delivered');
  });

  it('a public load balancer behind a firewall default route: the reply is dropped (asymmetric)', () => {
    const d = withHub('userDefinedRouting', true);
    d.loadBalancers.push(loadBalancer('plb', 'kubernetes', 'public', [frontend('web', 80, 8080, 'f')]));
    const [t] = traceIngress(d, computeAddressPlan(d), 'pool');
    expect(t!.outcome).toBe('dropped');
    expect(t!.hops.at(-1)!.label).toContain('asymmetric');
  });
});

describe('on-premises clients to an internal load balancer', () => {
  /** Hub with a GatewaySubnet (10.200.0.64/27), dc1 192.168.10.0/24 behind it, an ILB frontend 10.240.4.10 in the spoke. */
  function onPrem(): Design {
    const d = withHub('loadBalancer', false);
    d.vnets[1]!.subnets.push({ id: 'gw-sub', name: 'GatewaySubnet', cidr: '10.200.0.64/27', purpose: 'gateway' });
    const api = { ...frontend('api', 443, 8443, 'f'), privateIp: '10.240.4.10' };
    d.loadBalancers.push(loadBalancer('ilb', 'kubernetes-internal', 'internal', [api]));
    return d;
  }
  // Tests change `d` in place between calls; planning memoises per design object, so each call traces a fresh copy.
  const onPremTrace = (design: Design, d = { ...design }) =>
    traceIngress(d, computeAddressPlan(d), 'pool').find((t) => t.from === 'on-premises dc1')!;

  it('in through the gateway, back by the gateway route the spoke learns (transit + remote gateways)', () => {
    const t = onPremTrace(onPrem());
    expect(t.outcome).toBe('delivered');
    expect(t.hops.map((h) => h.kind)).toEqual(['gateway', 'load-balancer', 'nsg', 'nsg', 'node', 'pod', 'destination']);
    // The client is the first usable address of 192.168.10.0/24; nothing translates it.
    expect(t.sourceIpSeen).toBe('192.168.10.4 (no SNAT)');
  });

  it('a reply sent to the firewall while the request came straight from the gateway is dropped (asymmetric)', () => {
    const d = onPrem();
    tableOnSubnet(
      d,
      'nodes',
      routeTable('rt', 'rt-spoke', [viaAppliance('10.200.0.4', '192.168.10.0/24', 'r', 'onprem-via-fw')]),
    );
    expect(onPremTrace(d).outcome).toBe('dropped');
    expect(onPremTrace(d).hops.at(-1)!.label).toBe(
      'reply dropped: asymmetric: the request came around the appliance, the reply goes through it',
    );
    // Fixed by sending the spoke through the firewall on the GatewaySubnet too.
    const back = viaAppliance('10.200.0.4', '10.240.0.0/16', 'g', 'spoke-via-fw');
    tableOnSubnet(d, 'gw-sub', routeTable('rt-gw', 'rt-gateway', [back]));
    expect(onPremTrace(d).outcome).toBe('delivered');
    expect(onPremTrace(d).hops[1]!.label).toBe('appliance 10.200.0.4');
  });

  it('without gateway routes in the spoke the reply has no way back', () => {
    const d = onPrem();
    d.peerings[0]!.useRemoteGateways = false;
    // 192.168.10.4 then matches 192.168.0.0/16 → None in the spoke.
    expect(onPremTrace(d).hops.at(-1)!.label).toBe('reply dropped: the node subnet has no route back to dc1');
  });
});

describe('SNAT capacity and egress rules', () => {
  it('uses the default table: 50 → 1,024, 51 → 512 ports per node; manual ports times nodes against 64,000 per IP', () => {
    expect([50, 51, 100, 101, 400, 1000, 1001].map(defaultPortsPerNode)).toEqual([1024, 512, 512, 256, 128, 32, 0]);
    const c = withHub('loadBalancer', false).clusters[0]!;
    c.loadBalancerProfile = { managedOutboundIpCount: 1, allocatedOutboundPorts: 4000, idleTimeoutMinutes: 30 };
    // 17 nodes × 4,000 = 68,000 > 64,000.
    expect(lbSnat(c, 17).ok).toBe(false);
    expect(lbSnat(c, 16).ok).toBe(true);
  });

  it('default allocation is per IP configuration: more outbound IPs add no ports per node', () => {
    const c = withHub('loadBalancer', false).clusters[0]!;
    // 100 nodes: the table's 51–100 row gives 512 per node, with 1 IP and with 3 (AKS: "Adding more IPs doesn't
    // add more ports to any node"); the 3 IPs raise capacity to 3 × 64,000 = 192,000, not the per-node share.
    c.loadBalancerProfile = { managedOutboundIpCount: 3, allocatedOutboundPorts: 0, idleTimeoutMinutes: 30 };
    expect(lbSnat(c, 100).portsPerNode).toBe(512);
    expect(lbSnat(c, 100).capacity).toBe(192000);
    expect(lbSnat(c, 100).formula).toBe(
      'default allocation for 100 backends: 512 ports per node, whatever the number of outbound IPs (3)',
    );
    c.loadBalancerProfile.managedOutboundIpCount = 1;
    expect(lbSnat(c, 100).portsPerNode).toBe(512);
    // 1,001 backends: the default table has no row.
    expect(lbSnat(c, 1001).ok).toBe(false);
    // Manual ports must be a multiple of 8: 1,000 is (125 × 8), 1,001 is not.
    c.loadBalancerProfile.allocatedOutboundPorts = 1001;
    expect(lbSnat(c, 2).formula).toBe('allocatedOutboundPorts 1,001 must be a multiple of 8 between 0 and 64,000');
  });

  it('a NAT gateway shares 64,512 ports per public IP; no public IP means no ports', () => {
    const d = withHub('userAssignedNATGateway', false);
    d.natGateways.push({ id: 'nat', name: 'nat-spoke', publicIpIds: ['pip-nat'], idleTimeoutMinutes: 4 });
    // 2 IPs × 64,512 = 129,024 ports over 8 nodes = 16,128 each.
    d.natGateways[0]!.publicIpIds.push('pip');
    expect(natSnat(d, 'nat', 8)).toMatchObject({ capacity: 129024, portsPerNode: 16128, ok: true });
    d.natGateways[0]!.publicIpIds = [];
    expect(natSnat(d, 'nat', 8).ok).toBe(false);
  });

  it('lists the required FQDNs for the region and the nodes as sources', () => {
    const rules = aksEgressRuleSet(withHub('userDefinedRouting', true), 'aks');
    expect(rules.sourceAddresses).toEqual(['10.240.0.0/22']);
    expect(rules.application[0]!.targetFqdns).toContain('*.hcp.eastus2.azmk8s.io');
    // Tunnel ports 1194 and 9000, TCP 443 to the public API server, NTP 123; no custom DNS servers.
    expect(rules.network.map((n) => n.destinationPorts[0])).toEqual(['1194', '9000', '443', '123']);
  });
});

describe('AKS egress rule set', () => {
  const fqdns = (d: Design) => aksEgressRuleSet(d, 'aks').application.flatMap((a) => a.targetFqdns ?? []);

  it("the VNet's custom DNS servers add UDP/TCP 53 to them; a public cluster adds TCP 443 to the API server", () => {
    const d = withHub('userDefinedRouting', true);
    d.vnets[0]!.dnsServers = ['10.200.0.200', '10.200.0.201', 'not-an-ip'];
    const rules = aksEgressRuleSet(d, 'aks');
    // Invalid entries are left out: the firewall would refuse them.
    expect(rules.network.find((n) => n.name === 'dns')).toMatchObject({
      protocols: ['UDP', 'TCP'],
      destinationAddresses: ['10.200.0.200', '10.200.0.201'],
      destinationPorts: ['53'],
    });
    // The API server's public IP is known only after creation: the region's AzureCloud tag stands for it.
    expect(rules.network.find((n) => n.name === 'apiserver')).toMatchObject({
      protocols: ['TCP'],
      destinationAddresses: ['AzureCloud.eastus2'],
      destinationPorts: ['443'],
    });
    const priv = structuredClone(d);
    priv.clusters[0]!.privateCluster = true;
    expect(aksEgressRuleSet(priv, 'aks').network.map((n) => n.name)).toEqual(['time', 'dns']);
    // No custom DNS servers: no DNS rule.
    expect(aksEgressRuleSet(withHub('userDefinedRouting', true), 'aks').network.map((n) => n.name)).not.toContain(
      'dns',
    );
  });

  it('a private cluster drops the API server tunnel ports and the *.hcp FQDN', () => {
    const d = withHub('userDefinedRouting', true);
    d.clusters[0]!.privateCluster = true;
    const rules = aksEgressRuleSet(d, 'aks');
    expect(rules.network.map((n) => n.name)).toEqual(['time']);
    expect(fqdns(d)).not.toContain('*.hcp.eastus2.azmk8s.io');
    expect(fqdns(d)).toContain('mcr.microsoft.com');
  });

  it('Windows and GPU pools add their FQDNs (Windows: HTTPS for binaries, HTTP for updates)', () => {
    const d = withHub('userDefinedRouting', true);
    addPool(d, { id: 'win', name: 'win1', osType: 'Windows' });
    addPool(d, { id: 'gpu', name: 'gpu1', vmSize: 'Standard_NC6s_v3' });
    const app = aksEgressRuleSet(d, 'aks').application;
    expect(app.find((a) => a.name === 'windows-https')!.targetFqdns).toEqual([
      'onegetcdn.azureedge.net',
      'go.microsoft.com',
    ]);
    expect(app.find((a) => a.name === 'windows-http')!.protocols).toEqual([{ type: 'Http', port: 80 }]);
    expect(app.find((a) => a.name === 'gpu')!.targetFqdns).toEqual([
      'nvidia.github.io',
      'us.download.nvidia.com',
      'download.docker.com',
    ]);
    expect(aksEgressRuleSet(withHub('userDefinedRouting', true), 'aks').application.map((a) => a.name)).toEqual([
      'aks-required',
      'ubuntu-updates',
      'ubuntu-snapshots',
    ]);
  });
});
