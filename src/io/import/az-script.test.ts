import { describe, expect, it } from 'vitest';
import { networkModelOf } from '../../core/index';
import { detectSource, importExitCode, importText, type ImportItem } from './index';
import { expectLoads } from './test-support';

const find = (items: ImportItem[], what: string) => items.filter((i) => i.what.includes(what));

// Seed 000 ("Mastering Advanced Networking in AKS"), its az aks create as the tutorial prints it.
const SEED_000 = `az aks create \\
    --resource-group myResourceGroup \\
    --name myAKSCluster \\
    --network-plugin azure \\
    --vnet-subnet-id /subscriptions/YOUR_SUBSCRIPTION_ID/resourceGroups/myResourceGroup/providers/Microsoft.Network/virtualNetworks/myVnet/subnets/myAKSSubnet \\
    --dns-service-ip 10.2.0.10 \\
    --docker-bridge-address 172.17.0.1/16 \\
    --service-cidr 10.2.0.0/24
`;

// Seed 003 (AKS networking workshop, week 3): the AGIC add-on steps, one command per block as in the slides.
const SEED_003_AGIC = `az aks create -n myCluster -g myResourceGroup --network-plugin azure --enable-managed-identity
az network public-ip create -n myPublicIp -g MyResourceGroup --allocation-method Static --sku Standard
az network vnet create -n myVnet -g myResourceGroup --address-prefix 11.0.0.0/8 --subnet-name mySubnet --subnet-prefix 11.1.0.0/16
az network application-gateway create -n myApplicationGateway -l canadacentral -g myResourceGroup --sku Standard_v2 --public-ip-address myPublicIp --vnet-name myVnet --subnet mySubnet --priority 100
appgwId=$(az network application-gateway show -n myApplicationGateway -g myResourceGroup -o tsv --query "id")
az aks enable-addons -n myCluster -g myResourceGroup -a ingress-appgw --appgw-id $appgwId
`;

// Seed 003's kubenet slide: trailing blanks after the backslashes, as copied from the slide text.
const SEED_003_KUBENET = `az network vnet create \\  
  --resource-group myResourceGroup \\  
  --name myAKSVnet \\  
  --address-prefixes 192.168.0.0/16 \\  
  --subnet-name myAKSSubnet \\  
  --subnet-prefix 192.168.1.0/24
SUBNET_ID=$(az network vnet subnet show --resource-group myResourceGroup --vnet-name myAKSVnet --name myAKSSubnet --query id -o tsv)
az aks create \\  
  --resource-group myResourceGroup \\  
  --name myAKSCluster \\  
  --node-count 3 \\  
  --network-plugin kubenet \\  
  --service-cidr 10.0.0.0/16 \\  
  --dns-service-ip 10.0.0.10 \\  
  --pod-cidr 10.244.0.0/16 \\  
  --docker-bridge-address 172.17.0.1/16 \\  
  --vnet-subnet-id $SUBNET_ID \\  
  --service-principal d2929ec9-9b53-4dad-8c88-684f68b84817 \\  
  --client-secret ldpVhnM7v.1Lfr.D77NZbWCy_~Yg~LJhuP
`;

describe('az script import: the seeds', () => {
  it("seed 000's az aks create gives its Azure CNI cluster and says the docker bridge flag is obsolete", () => {
    const r = importText(SEED_000);
    expect(r.from).toBe('az');
    const c = r.design!.clusters[0]!;
    expect(c).toMatchObject({ name: 'myAKSCluster', networkPlugin: 'azure', serviceCidr: '10.2.0.0/24' });
    expect(c.dnsServiceIp).toBe('10.2.0.10');
    // --network-plugin azure without --network-plugin-mode: node subnet mode (azure-cni-overlay page).
    expect(c.networkPluginMode).toBeUndefined();
    expect(networkModelOf(c)).toBe('azure-cni-node-subnet');
    const bridge = find(r.items, '--docker-bridge-address');
    expect(bridge).toHaveLength(1);
    expect(bridge[0]!.status).toBe('ignored');
    expect(bridge[0]!.message).toMatch(/172\.17\.0\.1\/16: obsolete.*ignored/);
    // The subnet is named by id but not created: a stand-in keeps the pool, and the report says so.
    const create = r.items.find((i) => i.what === 'az aks create')!;
    expect(create.status).toBe('unresolved');
    expect(create.message).toContain('myVnet/myAKSSubnet is not created in the input');
    const subnet = r.design!.vnets[0]!.subnets[0]!;
    expect(subnet).toMatchObject({ name: 'myAKSSubnet', purpose: 'aks-nodes' });
    expect(c.nodePools[0]!.nodeSubnetId).toBe(subnet.id);
    expect(importExitCode(r)).toBe(1);
    expectLoads(r.design!);
  });

  it("seed 003's VNet, App Gateway and enable-addons import with the AGIC link", () => {
    const r = importText(SEED_003_AGIC);
    const d = r.design!;
    const g = d.appGateways[0]!;
    expect(g).toMatchObject({ name: 'myApplicationGateway', sku: 'Standard_v2' });
    expect(g.agicClusterId).toBe(d.clusters[0]!.id);
    expect(d.clusters[0]!.name).toBe('myCluster');
    expect(g.publicIpId).toBe(d.publicIps[0]!.id);
    const vnet = d.vnets.find((v) => v.name === 'myVnet')!;
    expect(vnet.addressSpaces).toEqual(['11.0.0.0/8']);
    expect(vnet.subnets[0]).toMatchObject({ name: 'mySubnet', cidr: '11.1.0.0/16', purpose: 'app-gateway' });
    expect(g.subnetId).toBe(vnet.subnets[0]!.id);
    // -l canadacentral is the first location given.
    expect(d.location).toBe('canadacentral');
    expect(r.items.find((i) => i.what === 'az aks enable-addons')!.status).toBe('imported');
    // No --vnet-subnet-id: AKS's own VNet is added as a stand-in, reported as a default.
    expect(r.items.find((i) => i.what === 'az aks create')!.status).toBe('defaulted');
    expectLoads(d);
  });

  it("seed 003's kubenet slide: $(az … show --query id) resolves to the subnet; secrets are ignored unshown", () => {
    const r = importText(SEED_003_KUBENET);
    const d = r.design!;
    const c = d.clusters[0]!;
    expect(c).toMatchObject({ networkPlugin: 'kubenet', podCidr: '10.244.0.0/16', serviceCidr: '10.0.0.0/16' });
    expect(c.nodePools[0]!.nodeSubnetId).toBe(d.vnets[0]!.subnets[0]!.id);
    expect(c.nodePools[0]!.count).toBe(3);
    expect(find(r.items, '--client-secret')[0]!.status).toBe('ignored');
    expect(JSON.stringify(r.items)).not.toContain('ldpVhnM7v');
    expect(find(r.items, '--docker-bridge-address')[0]!.message).toContain('obsolete');
    expectLoads(d);
  });
});

describe('az script import: hand-written forms', () => {
  const SCRIPT = `#!/bin/bash
# Hub and spoke
export RG=rg-net
LOC="westeurope"
HUB=vnet-hub
az group create -n $RG -l $LOC
az network vnet create -g $RG -n \${HUB} --address-prefixes 10.0.0.0/16
az network vnet subnet create -g $RG --vnet-name $HUB -n AzureFirewallSubnet --address-prefixes 10.0.1.0/26
az network vnet create -g $RG -n vnet-spoke --address-prefixes 10.1.0.0/16 10.2.0.0/16
az network nsg create -g $RG -n nsg-nodes
az network nsg rule create -g $RG --nsg-name nsg-nodes -n allow-https --priority 100 --protocol Tcp --destination-port-ranges 443
az network route-table create -g $RG -n rt-egress --disable-bgp-route-propagation true
az network route-table route create -g $RG --route-table-name rt-egress -n default --address-prefix 0.0.0.0/0 \\
  --next-hop-type VirtualAppliance --next-hop-ip-address 10.0.1.4
az network public-ip create -g $RG -n pip-nat --sku Standard
az network nat gateway create -g $RG -n nat-egress --public-ip-addresses pip-nat --idle-timeout 10
NODES_ID=$(az network vnet subnet create -g $RG --vnet-name vnet-spoke -n snet-nodes --address-prefixes 10.1.0.0/22 \\
  --network-security-group nsg-nodes --route-table rt-egress --query id -o tsv)
az network vnet subnet create -g $RG --vnet-name vnet-spoke -n snet-api --address-prefixes 10.1.4.0/28 --delegations Microsoft.ContainerService/managedClusters
az network vnet peering create -g $RG -n hub-to-spoke --vnet-name $HUB --remote-vnet vnet-spoke --allow-vnet-access --allow-gateway-transit
az network vnet peering create -g $RG -n spoke-to-hub --vnet-name vnet-spoke --remote-vnet $HUB --allow-vnet-access
az aks create -g $RG -n aks1 --network-plugin azure --network-plugin-mode overlay --network-dataplane cilium \\
  --vnet-subnet-id "$NODES_ID" --outbound-type userDefinedRouting --enable-private-cluster --max-pods 50 \\
  --enable-cluster-autoscaler --min-count 2 --max-count 5 --zones 1 2 3
az aks nodepool add -g $RG --cluster-name aks1 -n user1 --node-count 2 --mode User
kubectl get nodes
`;

  it('reads variables, continuations, comments, associations, peering pairs, pools', () => {
    const r = importText(SCRIPT);
    const d = r.design!;
    expect(d.location).toBe('westeurope');
    expect(d.vnets.map((v) => v.name)).toEqual(['vnet-hub', 'vnet-spoke']);
    expect(d.vnets[1]!.addressSpaces).toEqual(['10.1.0.0/16', '10.2.0.0/16']);
    const [fwSubnet] = d.vnets[0]!.subnets;
    expect(fwSubnet!.purpose).toBe('firewall');
    const nodes = d.vnets[1]!.subnets.find((s) => s.name === 'snet-nodes')!;
    expect(nodes).toMatchObject({ purpose: 'aks-nodes', nsgId: d.nsgs[0]!.id, routeTableId: d.routeTables[0]!.id });
    expect(d.vnets[1]!.subnets.find((s) => s.name === 'snet-api')!.purpose).toBe('apiserver');
    expect(d.nsgs[0]!.rules[0]).toMatchObject({ priority: 100, protocol: 'Tcp', destinationPortRange: '443' });
    expect(d.routeTables[0]!.routes[0]).toMatchObject({
      nextHopType: 'VirtualAppliance',
      nextHopIpAddress: '10.0.1.4',
    });
    expect(d.natGateways[0]).toMatchObject({ idleTimeoutMinutes: 10, publicIpIds: [d.publicIps[0]!.id] });
    expect(d.peerings).toHaveLength(1);
    expect(d.peerings[0]).toMatchObject({ name: 'hub-to-spoke', allowGatewayTransit: true });
    const c = d.clusters[0]!;
    expect(networkModelOf(c)).toBe('azure-cni-overlay');
    expect(c).toMatchObject({ networkDataplane: 'cilium', outboundType: 'userDefinedRouting', privateCluster: true });
    expect(c.nodePools[0]).toMatchObject({ maxPods: 50, autoscale: { min: 2, max: 5 }, zones: ['1', '2', '3'] });
    expect(c.nodePools[1]).toMatchObject({ name: 'user1', mode: 'User', nodeSubnetId: nodes.id });
    expect(find(r.items, 'kubectl')[0]!.status).toBe('ignored');
    expectLoads(d);
  });
});

describe('az script import: hostile input', () => {
  it('refuses a script over the size cap with a message, and reads nothing', () => {
    const r = importText(`az network vnet create -n v\n${'#'.repeat(1_000_001)}`, 'az');
    expect(r.design).toBeNull();
    expect(r.items[0]!.message).toMatch(/too large/);
    expect(importExitCode(r)).toBe(2);
  });

  it('never runs $( ) or backticks; what is not an az id query is reported as not executed', () => {
    const r = importText(
      'X=$(rm -rf /)\nY=`curl evil`\naz network vnet create -n "$X" --address-prefixes 10.0.0.0/16\naz network vnet create -n v2',
    );
    const notRun = r.items.filter((i) => i.message.startsWith('not executed'));
    expect(notRun.map((i) => i.what)).toEqual(['$(rm -rf /)', '$(curl evil)']);
    expect(r.items.find((i) => i.at === 'line 3' && i.what === 'az network vnet create')!.status).toBe('unresolved');
  });

  it('an unterminated quote stops only its command', () => {
    const r = importText("az network vnet create -n 'open --address-prefixes 10.0.0.0/16\n", 'az');
    expect(r.items[0]).toMatchObject({ status: 'ignored', message: expect.stringMatching(/unterminated/) });
    expect(r.design).toBeNull();
    const ok = importText('az network vnet create -n "a\naz network nsg create -n n2"\naz network nsg create -n n1');
    expect(ok.design!.nsgs.map((n) => n.name)).toEqual(['n1']);
  });

  it('prototype-pollution names stay plain names and variables', () => {
    const r = importText(
      '__proto__=x\nconstructor=y\naz network nsg create -n __proto__\naz network nsg create -n "$constructor"',
    );
    expect(r.design!.nsgs.map((n) => n.name)).toEqual(['__proto__', 'y']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expectLoads(r.design!);
  });

  it('deeply nested $( ) is refused with a message', () => {
    const deep = `${'$(echo '.repeat(50)}x${')'.repeat(50)}`;
    const r = importText(`X=${deep}\naz network nsg create -n "$X"`, 'az');
    expect(r.items.some((i) => /nested deeper/.test(i.message))).toBe(true);
  });

  it('a line with control characters is not read', () => {
    const r = importText('az network nsg create -n a\u0007b\naz network nsg create -n ok', 'az');
    expect(r.items[0]).toMatchObject({ status: 'ignored', message: expect.stringMatching(/control characters/) });
    expect(r.design!.nsgs.map((n) => n.name)).toEqual(['ok']);
  });
});

describe('source detection', () => {
  it('tells scripts, ARM, az JSON and Bicep apart', () => {
    expect(detectSource('#!/usr/bin/env bash\naz group create')).toBe('az');
    expect(detectSource('RG=x\naz group create -n $RG')).toBe('az');
    expect(detectSource('  az network vnet create -n v')).toBe('az');
    const arm = '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"}';
    expect(detectSource(arm)).toBe('arm');
    expect(detectSource('[{"type": "Microsoft.Network/virtualNetworks", "name": "v"}]')).toBe('azjson');
    expect(
      detectSource("param location string = 'eastus2'\nresource v 'Microsoft.Network/virtualNetworks@2024-05-01' = {}"),
    ).toBe('bicep');
  });
});

describe('az script import: the AKS egress tutorial (firewall, route through it)', () => {
  // The shape of https://learn.microsoft.com/azure/aks/limit-egress-traffic: the firewall's private IP is read with
  // `az network firewall show --query ipConfigurations[0].privateIPAddress` and used as the next hop.
  const EGRESS = `PREFIX="aks-egress"
RG="\${PREFIX}-rg"
LOC="eastus"
VNET_NAME="\${PREFIX}-vnet"
FWNAME="\${PREFIX}-fw"
az group create --name $RG --location $LOC
az network vnet create --resource-group $RG --name $VNET_NAME --location $LOC --address-prefixes 10.42.0.0/16 \\
    --subnet-name aks-subnet --subnet-prefix 10.42.1.0/24
az network vnet subnet create --resource-group $RG --vnet-name $VNET_NAME --name AzureFirewallSubnet --address-prefix 10.42.2.0/24
az network public-ip create --resource-group $RG -n \${PREFIX}-fwpublicip -l $LOC --sku "Standard"
az network firewall create --resource-group $RG --name $FWNAME --location $LOC --enable-dns-proxy true
az network firewall ip-config create --resource-group $RG -f $FWNAME -n \${PREFIX}-fwconfig --public-ip-address \${PREFIX}-fwpublicip --vnet-name $VNET_NAME
FWPRIVATE_IP=$(az network firewall show --resource-group $RG --name $FWNAME --query "ipConfigurations[0].privateIPAddress" -o tsv)
az network route-table create --resource-group $RG --location $LOC --name \${PREFIX}-fwrt
az network route-table route create --resource-group $RG --name \${PREFIX}-fwrn --route-table-name \${PREFIX}-fwrt --address-prefix 0.0.0.0/0 --next-hop-type VirtualAppliance --next-hop-ip-address $FWPRIVATE_IP
az network firewall network-rule create --resource-group $RG --firewall-name $FWNAME --collection-name 'aksfwnr' --name 'apiudp' --protocols 'UDP' --source-addresses '*' --destination-addresses "AzureCloud.$LOC" --destination-ports 1194 --action allow --priority 100
az network vnet subnet update --resource-group $RG --vnet-name $VNET_NAME --name aks-subnet --route-table \${PREFIX}-fwrt
SUBNETID=$(az network vnet subnet show --resource-group $RG --vnet-name $VNET_NAME --name aks-subnet --query id -o tsv)
az aks create --resource-group $RG --name \${PREFIX}-aks --location $LOC --node-count 3 --network-plugin azure --outbound-type userDefinedRouting --vnet-subnet-id $SUBNETID --api-server-authorized-ip-ranges 203.0.113.7/32
`;

  it('routes the node subnet to the firewall at its first usable address, with DNS proxy and UDR outbound', () => {
    const r = importText(EGRESS);
    const d = r.design!;
    const fw = d.firewalls[0]!;
    expect(fw).toMatchObject({ name: 'aks-egress-fw', dnsProxy: true, tier: 'Standard' });
    expect(fw.subnetId).toBe(d.vnets[0]!.subnets.find((s) => s.name === 'AzureFirewallSubnet')!.id);
    expect(fw.publicIpIds).toEqual([d.publicIps[0]!.id]);
    // 10.42.2.0/24: Azure keeps .0 to .3, so the firewall takes 10.42.2.4.
    expect(d.routeTables[0]!.routes[0]).toMatchObject({
      nextHopType: 'VirtualAppliance',
      nextHopIpAddress: '10.42.2.4',
    });
    const nodes = d.vnets[0]!.subnets.find((s) => s.name === 'aks-subnet')!;
    expect(nodes).toMatchObject({ routeTableId: d.routeTables[0]!.id, purpose: 'aks-nodes' });
    expect(d.clusters[0]).toMatchObject({ outboundType: 'userDefinedRouting', authorizedIpRanges: ['203.0.113.7/32'] });
    expect(find(r.items, 'network-rule create').some((i) => i.status === 'ignored')).toBe(true);
    expect(r.items.filter((i) => i.status === 'unresolved')).toEqual([]);
    expectLoads(d);
  });
});

describe('az script import: pasted documentation', () => {
  it('reads inside markdown fences; <placeholders> are unfilled values, not redirections', () => {
    // Seed 003's private cluster slide, fenced as in the slides' text.
    const text = [
      '```',
      'az aks create \\',
      '  --resource-group <private-cluster-resource-group> \\',
      '  --name <private-cluster-name> \\',
      '  --enable-private-cluster \\',
      '  --network-plugin azure \\',
      '  --vnet-subnet-id <subnet-id> \\',
      '  --dns-service-ip 10.2.0.10 \\',
      '  --service-cidr 10.2.0.0/24',
      '```',
      'az network nsg create -n nsg-ok',
    ].join('\n');
    const r = importText(text);
    const create = r.items.filter((i) => i.what === 'az aks create');
    expect(create).toHaveLength(1);
    expect(create[0]).toMatchObject({ status: 'unresolved', at: 'line 2' });
    expect(create[0]!.message).toContain('placeholder <private-cluster-name> is not filled in');
    expect(r.design!.nsgs.map((n) => n.name)).toEqual(['nsg-ok']);
  });
});
