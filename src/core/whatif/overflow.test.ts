import { describe, expect, it } from 'vitest';
import { computePlan } from '../plan';
import { oneClusterDesign } from '../ipam/test-design';
import { addPool, lbProfile } from '../test-elements';
import { scaleDesign } from './scale';
import { limitOverflows, subnetOverflows } from './overflow';
import type { Design } from '../model';

// Rules: kubenet and Overlay give each node one /24 of the pod CIDR, so a /N holds 2^(24 − N) nodes
// (concepts-network-ip-address-planning); kubenet holds at most 400 nodes, one route each (configure-kubenet);
// a pool holds 1,000 nodes and a cluster 5,000, surge included (quotas-skus-regions); the load balancer gives
// each frontend IP 64,000 SNAT ports, by default at most 1,000 backends (load-balancer-outbound-connections).

const kinds = (d: Design) =>
  limitOverflows(d, computePlan(d)).map((o) => [o.kind, o.subjectId, o.needed, o.limit, o.unit]);
const atNodes = (d: Design, nodes: number) =>
  scaleDesign(d, { kind: 'pool', poolId: 'pool' }, { kind: 'nodes', nodes }).design;
/** Overlay with a /9 pod CIDR and a /16 node subnet in a /15 VNet: room for a pool past its 1,000 nodes. */
function roomyOverlay(): Design {
  const d = oneClusterDesign({
    cluster: { networkPlugin: 'azure', networkPluginMode: 'overlay', podCidr: '10.128.0.0/9' },
    nodeCidr: '10.240.0.0/16',
  });
  d.vnets[0]!.addressSpaces = ['10.240.0.0/15'];
  d.vnets[0]!.subnets[1]!.cidr = '10.241.0.0/18';
  return d;
}

describe('limit overflows of a scaled design', () => {
  it('Overlay with a /18 pod CIDR: 63 + 1 surge = 64 /24s fit; 64 + 1 = 65 pass the 2^(24 − 18) = 64', () => {
    const d = oneClusterDesign({
      cluster: { networkPlugin: 'azure', networkPluginMode: 'overlay', podCidr: '192.168.0.0/18' },
    });
    expect(kinds(atNodes(d, 63))).toEqual([]);
    expect(kinds(atNodes(d, 64))).toEqual([['pod-cidr', 'aks', 65, 64, 'node /24s']]);
    expect(limitOverflows(atNodes(d, 64), computePlan(atNodes(d, 64)))[0]!.name).toBe(
      'aks-one pod CIDR 192.168.0.0/18',
    );
  });

  it('kubenet at 400 nodes: 401 at peak pass its 400 routes and the /16 pod CIDR 256 /24s; the /24 node subnet overflows too', () => {
    const d = oneClusterDesign({
      cluster: { networkPlugin: 'kubenet', podCidr: '10.244.0.0/16' },
      nodeCidr: '10.240.0.0/24',
    });
    // scaleDesign keeps kubenet to 400 nodes at maximum; surge 1 makes 401 at peak.
    const big = atNodes(d, 500);
    expect(kinds(big)).toEqual([
      ['pod-cidr', 'aks', 401, 256, 'node /24s'],
      ['kubenet-node-limit', 'aks', 401, 400, 'routes'],
    ]);
    // 401 node addresses against 256 − 5 = 251.
    expect(subnetOverflows(computePlan(big)).find((o) => o.subnetId === 'nodes')).toMatchObject({
      needed: 401,
      usable: 251,
    });
  });

  it('a pool at 1,000 nodes with surge 1: 1,001 pass the pool limit', () => {
    const d = roomyOverlay();
    d.clusters[0]!.outboundType = 'userDefinedRouting';
    expect(kinds(atNodes(d, 999))).toEqual([]);
    expect(kinds(atNodes(d, 1000))).toEqual([['pool-node-limit', 'pool', 1001, 1000, 'nodes']]);
  });

  it('load balancer SNAT: 32,000 ports per node on 2 IPs serve 128,000 / 32,000 = 4 nodes; 5 at peak need 160,000', () => {
    const d = oneClusterDesign({ pool: { count: 1 } });
    d.clusters[0]!.loadBalancerProfile = lbProfile(2, 32000);
    // max 3 + 1 surge = 4 nodes × 32,000 = 128,000: fits.
    expect(kinds(atNodes(d, 3))).toEqual([]);
    // max 4 + 1 = 5 × 32,000 = 160,000 > 128,000.
    expect(kinds(atNodes(d, 4))).toEqual([['snat-ports', 'aks', 160000, 128000, 'SNAT ports']]);
  });

  it('default SNAT allocation: more than 1,000 backends get no ports', () => {
    const d = roomyOverlay();
    // 999 + 1 surge = 1,000 backends: 32 ports each; 1,000 + 1 = 1,001 pass the table (and the pool limit).
    expect(kinds(atNodes(d, 999))).toEqual([]);
    expect(kinds(atNodes(d, 1000))).toEqual([
      ['pool-node-limit', 'pool', 1001, 1000, 'nodes'],
      ['snat-ports', 'aks', 1001, 1000, 'backends with default SNAT ports'],
    ]);
  });

  it('a cluster of six pools clamped to 5,000 nodes: 5,000 + 6 surge pass the cluster limit', () => {
    const d = oneClusterDesign({
      cluster: {
        networkPlugin: 'azure',
        networkPluginMode: 'overlay',
        podCidr: '10.0.0.0/8',
        serviceCidr: '172.16.0.0/16',
        dnsServiceIp: '172.16.0.10',
        outboundType: 'userDefinedRouting',
      },
      nodeCidr: '192.168.0.0/17',
    });
    d.vnets[0]!.addressSpaces = ['192.168.0.0/16'];
    d.vnets[0]!.subnets[1]!.cidr = '192.168.128.0/18';
    for (let i = 1; i < 6; i++) addPool(d, { id: `p${i}`, name: `p${i}` });
    const big = scaleDesign(d, { kind: 'cluster', clusterId: 'aks' }, { kind: 'nodes', nodes: 6000 }).design;
    // 6 × 3 = 18 nodes scaled to 6,000 is a factor of 333.3 → 1,000 each (the pool limit), clamped to
    // floor(1,000 × 5,000 / 6,000) = 833 each = 4,998; + 6 surge = 5,004 > 5,000.
    expect(kinds(big)).toEqual([['cluster-node-limit', 'aks', 5004, 5000, 'nodes']]);
  });
});
