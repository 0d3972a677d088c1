/**
 * The Azure Firewall rules an AKS cluster needs when its egress is filtered, generated from the design:
 * the required network and FQDN rules for Azure public cloud, plus those the design's features add.
 * https://learn.microsoft.com/azure/aks/outbound-rules-control-egress
 */
import { parseCidr, parseIp } from '../cidr';
import { designIndex, type DesignIndex, type SubnetRef } from '../design-index';
import type { Design, Id } from '../model';
import type { EgressApplicationRule, EgressNetworkRule, EgressRuleSet } from './egress-rule-types';

const URL = 'https://learn.microsoft.com/azure/aks/outbound-rules-control-egress#azure-global-required-network-rules';
const FQDN_URL =
  'https://learn.microsoft.com/azure/aks/outbound-rules-control-egress#azure-global-required-fqdn--application-rules';
const OPTIONAL_URL =
  'https://learn.microsoft.com/azure/aks/outbound-rules-control-egress#optional-recommended-fqdn--application-rules-for-aks-clusters';
const https = [{ type: 'Https' as const, port: 443 }];
const http = [{ type: 'Http' as const, port: 80 }];

const order = (idx: DesignIndex, r: SubnetRef) => idx.subnetOrder.get(r.subnet.id) ?? 0;

/** The custom DNS servers of the VNets holding the given subnets (valid IPv4 addresses), each once. */
function customDnsServers(idx: DesignIndex, subnetIds: Id[]): string[] {
  const vnets = new Set(subnetIds.flatMap((id) => idx.subnet.get(id)?.vnet ?? []));
  return [...new Set([...vnets].flatMap((v) => v.dnsServers ?? []))].filter((ip) => parseIp(ip) !== null);
}

export function aksEgressRuleSet(design: Design, clusterId: Id): EgressRuleSet {
  const idx = designIndex(design);
  const cluster = idx.cluster.get(clusterId);
  const subnets = new Set(cluster?.nodePools.flatMap((p) => [p.nodeSubnetId, p.podSubnetId ?? []].flat()) ?? []);
  // Through the index: the cluster's own subnets only, in design order, so the cost follows the cluster's size.
  const sourceAddresses = [...subnets]
    .flatMap((id) => idx.subnet.get(id) ?? [])
    .sort((a, b) => order(idx, a) - order(idx, b))
    .flatMap(({ subnet }) => {
      const p = parseCidr(subnet.cidr);
      return p.ok ? [p.cidr] : [];
    });
  const region = `AzureCloud.${design.location}`;
  const network: EgressNetworkRule[] = [];
  // The tunnel ports go to the public API server: not required for private clusters.
  if (!cluster?.privateCluster) {
    network.push(
      {
        name: 'apiudp',
        protocols: ['UDP'],
        destinationAddresses: [region],
        destinationPorts: ['1194'],
        why: 'tunnelled node to control plane traffic (clusters without konnectivity)',
        learnUrl: URL,
      },
      {
        name: 'apitcp',
        protocols: ['TCP'],
        destinationAddresses: [region],
        destinationPorts: ['9000'],
        why: 'tunnelled node to control plane traffic',
        learnUrl: URL,
      },
      // Pods that reach the API server by its IP (kubernetes.default) leave on TCP 443. The API server's public
      // IP is known only after creation, so the region's AzureCloud tag stands for it, as for the tunnel ports.
      {
        name: 'apiserver',
        protocols: ['TCP'],
        destinationAddresses: [region],
        destinationPorts: ['443'],
        why: 'pods that reach the API server by its public IP (known after creation; narrow the rule to it then)',
        learnUrl: URL,
      },
    );
  }
  network.push({
    name: 'time',
    protocols: ['UDP'],
    destinationFqdns: ['ntp.ubuntu.com'],
    destinationPorts: ['123'],
    why: 'time synchronisation on Linux nodes (nodes provisioned before March 2021)',
    learnUrl: URL,
  });
  // Custom DNS servers of the cluster's VNets must stay reachable (Learn lists UDP 53; TCP 53 carries the
  // replies too large for UDP, so the rule allows both and cannot break resolution).
  const dns = customDnsServers(idx, cluster?.nodePools.map((p) => p.nodeSubnetId) ?? []);
  if (dns.length)
    network.push({
      name: 'dns',
      protocols: ['UDP', 'TCP'],
      destinationAddresses: dns,
      destinationPorts: ['53'],
      why: "the VNet's custom DNS servers",
      learnUrl: URL,
    });
  // Private clusters reach the API server over private networking: the *.hcp FQDN rule isn't needed.
  const apiFqdn = cluster?.privateCluster ? [] : [`*.hcp.${design.location}.azmk8s.io`];
  const application: EgressApplicationRule[] = [
    {
      name: 'aks-required',
      protocols: https,
      targetFqdns: [
        ...apiFqdn,
        'mcr.microsoft.com',
        '*.data.mcr.microsoft.com',
        'mcr-0001.mcr-msedge.net',
        'management.azure.com',
        'login.microsoftonline.com',
        'packages.microsoft.com',
        'acs-mirror.azureedge.net',
        'packages.aks.azure.com',
      ],
      why: `${apiFqdn.length ? 'API server, ' : ''}images, Azure APIs, Entra ID, packages and Kubernetes binaries`,
      learnUrl: FQDN_URL,
    },
    {
      name: 'ubuntu-updates',
      protocols: http,
      targetFqdns: ['security.ubuntu.com', 'azure.archive.ubuntu.com', 'changelogs.ubuntu.com'],
      why: 'Linux node security patches (recommended)',
      learnUrl: OPTIONAL_URL,
    },
    {
      name: 'ubuntu-snapshots',
      protocols: https,
      targetFqdns: ['snapshot.ubuntu.com'],
      why: 'Linux node security patches from the Ubuntu snapshot service (recommended)',
      learnUrl: OPTIONAL_URL,
    },
  ];
  const pools = cluster?.nodePools ?? [];
  if (pools.some((p) => p.osType === 'Windows')) {
    const url =
      'https://learn.microsoft.com/azure/aks/outbound-rules-control-egress#windows-server-based-node-pools-required-fqdn--application-rules';
    // Both Windows rules fetch the same binaries, one over HTTPS and one over HTTP.
    const windows = (name: string, protocols: EgressApplicationRule['protocols'], targetFqdns: string[]) => ({
      name,
      protocols,
      targetFqdns,
      why: 'Windows Server node pools: Windows binaries',
      learnUrl: url,
    });
    application.push(
      windows('windows-https', https, ['onegetcdn.azureedge.net', 'go.microsoft.com']),
      windows('windows-http', http, ['*.mp.microsoft.com', 'www.msftconnecttest.com', 'ctldl.windowsupdate.com']),
    );
  }
  // GPU VM sizes are the N family (NC, ND, NV): their nodes install NVIDIA drivers.
  if (pools.some((p) => /^Standard_N[CDV]/i.test(p.vmSize))) {
    application.push({
      name: 'gpu',
      protocols: https,
      targetFqdns: ['nvidia.github.io', 'us.download.nvidia.com', 'download.docker.com'],
      why: 'GPU node pools: driver installation',
      learnUrl:
        'https://learn.microsoft.com/azure/aks/outbound-rules-control-egress#gpu-enabled-aks-clusters-required-fqdn--application-rules',
    });
  }
  return { clusterId, sourceAddresses, network, application };
}
