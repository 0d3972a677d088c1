/**
 * overlay-nsg-pod-traffic and apiserver-subnet-nsg on a minimal design (nodes 10.240.0.0/22) and its fixed twin.
 */
import { describe, expect, it } from 'vitest';
import { apiServerBase, denyAll, nsgOn, nsgRule, overlayBase } from '../../../test/fixtures-nsg';
import type { Design } from '../model';
import { computePlan } from '../plan';

const found = (d: Design, rule: string) => computePlan(structuredClone(d)).findings.filter((f) => f.rule === rule);
const messages = (d: Design, rule: string) => found(d, rule).map((f) => f.message);
/** Puts NSG `name`, holding only denyAll(), on subnet `subnetId`; returns how the findings name its rule. */
const denyAllOn = (d: Design, subnetId: string, name: string) => {
  nsgOn(d, subnetId, name, [denyAll()]);
  return `${name}: deny-all-inbound (priority 4096, Deny)`;
};

describe('overlay-nsg-pod-traffic', () => {
  const tail =
    'overlay pod traffic is not encapsulated, so aks-one needs node ↔ node, node → pod CIDR and pod ↔ pod CIDR on ' +
    'all ports and protocols';
  it('a deny-all inbound at 4096 on the node subnet denies the three inbound flows; outbound has no user rule', () => {
    const d = overlayBase();
    const deny = denyAllOn(d, 'nodes', 'nsg-nodes');
    expect(messages(d, 'overlay-nsg-pod-traffic')).toEqual([
      `nsg-nodes on snet-nodes denies node → node (Inbound 10.240.0.0/22 → 10.240.0.0/22) with ${deny}; ${tail}: add an allow rule 10.240.0.0/22 → 10.240.0.0/22, protocol *, ports *, ahead of the deny`,
      `nsg-nodes on snet-nodes denies node → pod CIDR (Inbound 10.240.0.0/22 → 192.168.0.0/16) with ${deny}; ${tail}: add an allow rule 10.240.0.0/22 → 192.168.0.0/16, protocol *, ports *, ahead of the deny`,
      `nsg-nodes on snet-nodes denies pod CIDR → pod CIDR (Inbound 192.168.0.0/16 → 192.168.0.0/16) with ${deny}; ${tail}: add an allow rule 192.168.0.0/16 → 192.168.0.0/16, protocol *, ports *, ahead of the deny`,
    ]);
    expect(found(d, 'overlay-nsg-pod-traffic')[0]!.severity).toBe('error');
  });
  it('allows from the node subnet and from the pod CIDR (any protocol, any port) ahead of the deny fix it', () => {
    const d = overlayBase();
    nsgOn(d, 'nodes', 'nsg-nodes', [
      nsgRule({ name: 'nodes-in', priority: 100, access: 'Allow', sourceAddressPrefix: '10.240.0.0/22' }),
      nsgRule({ name: 'pods-in', priority: 110, access: 'Allow', sourceAddressPrefix: '192.168.0.0/16' }),
      denyAll(),
    ]);
    expect(found(d, 'overlay-nsg-pod-traffic')).toEqual([]);
  });
  it('an allow of TCP only from the pod CIDR leaves UDP (DNS) denied; an outbound deny-all denies the outbound flows', () => {
    const d = overlayBase();
    nsgOn(d, 'nodes', 'nsg-nodes', [
      nsgRule({ name: 'nodes-in', priority: 100, access: 'Allow', sourceAddressPrefix: '10.240.0.0/22' }),
      nsgRule({
        name: 'pods-tcp',
        priority: 110,
        access: 'Allow',
        protocol: 'Tcp',
        sourceAddressPrefix: '192.168.0.0/16',
      }),
      denyAll(),
      denyAll(4000, 'Outbound'),
    ]);
    expect(found(d, 'overlay-nsg-pod-traffic').map((f) => f.message.split(' with ')[0])).toEqual([
      'nsg-nodes on snet-nodes denies node → node (Outbound 10.240.0.0/22 → 10.240.0.0/22)',
      'nsg-nodes on snet-nodes denies node → pod CIDR (Outbound 10.240.0.0/22 → 192.168.0.0/16)',
      'nsg-nodes on snet-nodes denies pod CIDR → pod CIDR (Inbound 192.168.0.0/16 → 192.168.0.0/16)',
      'nsg-nodes on snet-nodes denies pod CIDR → pod CIDR (Outbound 192.168.0.0/16 → 192.168.0.0/16)',
    ]);
  });
  it('Azure default rules alone never trigger it (Learn: only when a deny applies), nor does a non-overlay cluster', () => {
    const d = overlayBase();
    nsgOn(d, 'nodes', 'nsg-nodes', []);
    expect(found(d, 'overlay-nsg-pod-traffic')).toEqual([]);
    const flat = overlayBase();
    delete flat.clusters[0]!.networkPluginMode;
    nsgOn(flat, 'nodes', 'nsg-nodes', [denyAll()]);
    expect(found(flat, 'overlay-nsg-pod-traffic')).toEqual([]);
  });
});

describe('apiserver-subnet-nsg', () => {
  const tail =
    'API Server VNet Integration of aks-one needs TCP 443 and 4443 from the cluster subnet and TCP 9988 from ' +
    'AzureLoadBalancer: add an inbound allow rule ahead of the deny';
  it('a deny-all at 4096 on snet-apiserver (10.240.8.0/28) blocks 443 and 4443 from 10.240.0.0/22 and 9988 from AzureLoadBalancer', () => {
    const d = apiServerBase();
    const deny = denyAllOn(d, 'api', 'nsg-api');
    expect(messages(d, 'apiserver-subnet-nsg')).toEqual([
      `nsg-api on API server subnet snet-apiserver blocks TCP 443 (10.240.0.0/22 → 10.240.8.0/28) with ${deny}; ${tail}`,
      `nsg-api on API server subnet snet-apiserver blocks TCP 4443 (10.240.0.0/22 → 10.240.8.0/28) with ${deny}; ${tail}`,
      `nsg-api on API server subnet snet-apiserver blocks TCP 9988 (AzureLoadBalancer → 10.240.8.0/28) with ${deny}; ${tail}`,
    ]);
  });
  it('an allow of 443 only leaves 4443; with 4443 and 9988 allowed it is silent; no rules at all (defaults) is silent', () => {
    const d = apiServerBase();
    const tcp = (name: string, priority: number, src: string, port: string) =>
      nsgRule({
        name,
        priority,
        access: 'Allow',
        protocol: 'Tcp',
        sourceAddressPrefix: src,
        destinationPortRange: port,
      });
    nsgOn(d, 'api', 'nsg-api', [tcp('https', 100, '10.240.0.0/22', '443'), denyAll()]);
    expect(messages(d, 'apiserver-subnet-nsg').map((m) => m.split(' (')[0])).toEqual([
      'nsg-api on API server subnet snet-apiserver blocks TCP 4443',
      'nsg-api on API server subnet snet-apiserver blocks TCP 9988',
    ]);
    d.nsgs[0]!.rules.splice(
      1,
      0,
      tcp('tunnel', 110, '10.240.0.0/22', '4443'),
      tcp('alb', 120, 'AzureLoadBalancer', '9988'),
    );
    expect(found(d, 'apiserver-subnet-nsg')).toEqual([]);
    d.nsgs[0]!.rules = [];
    expect(found(d, 'apiserver-subnet-nsg')).toEqual([]);
  });
});
