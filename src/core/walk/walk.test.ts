/**
 * Packet walks over the workshop template (examples/workshop-hub-spoke.json) and the seed designs, with the
 * addresses worked by hand:
 * - aks-subnet 10.240.0.0/22: Azure reserves .0-.3, so the first node takes 10.240.0.4. Legacy Azure CNI
 *   (podIpAllocation nodeSubnet) reserves the node's 30 default max pods right after it: pods 10.240.0.5-.34,
 *   so the first pod is 10.240.0.5 and the second node takes 10.240.0.4 + 1 + 30 = 10.240.0.35 (pod .36).
 * - appgw-subnet 10.240.4.0/24: the first instance address is 10.240.4.4.
 * - hub-fw has its private IP set to 10.100.0.4 and one public IP, fw-pip.
 */
import { readFileSync } from 'node:fs';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../io';
import type { Design } from '../model';
import { computePlan } from '../plan';
import { traceEgress } from '../paths/egress';
import { gradeCheck } from '../lesson/grade';
import { deployment } from '../test-elements';
import { walkFlow, walkFlows } from './walk';
import type { Walk } from './types';

function example(name: string): Design {
  const r = loadDocument(readFileSync(new URL(`../../../examples/${name}.json`, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(name);
  return r.doc.design;
}

const workshop = example('workshop-hub-spoke');

function walk(design: Design, flow: Parameters<typeof walkFlow>[2]): Walk {
  const w = walkFlow(design, computePlan(design), flow);
  if (!w) throw new Error('no walk');
  return w;
}

const egress = { kind: 'egress', fromPoolId: 'pool-system', to: 'internet' } as const;

describe('workshop egress through the hub firewall', () => {
  const w = walk(workshop, egress);

  it('keeps the pod address to the firewall, then SNATs to the firewall public IP', () => {
    expect(w.outcome).toBe('delivered');
    expect(w.steps.map((s) => s.kind)).toEqual(['pod', 'route', 'firewall', 'public-ip', 'destination']);
    // The pod's VNet address leaves the pod unchanged: flat networks do not SNAT inside Azure.
    expect(w.steps[0]!.src).toBe('10.240.0.5');
    expect(w.steps[0]!.dst).toBe('203.0.113.10');
    expect(w.steps[1]!.src).toBe('10.240.0.5');
    const fw = w.steps[2]!;
    expect(fw.resourceId).toBe('fw-hub');
    expect(fw.nat).toEqual([{ kind: 'SNAT', from: '10.240.0.5', to: 'fw-pip (public IP of hub-fw)' }]);
    expect(fw.src).toBe('fw-pip (public IP of hub-fw)');
    expect(w.steps.at(-1)!.src).toBe('fw-pip (public IP of hub-fw)');
  });

  it('names the route chosen on aks-subnet and why, and the firewall rule collections', () => {
    const r = w.steps[1]!;
    expect(r.resourceId).toBe('snet-aks');
    expect(r.rule).toBe(
      'aks-subnet: 0.0.0.0/0 → VirtualAppliance 10.100.0.4 (route default-to-firewall in aks-egress-udr)',
    );
    // The user route replaces the system default route for the same prefix.
    expect(r.why.some((x) => x.startsWith('0.0.0.0/0 → VirtualAppliance: chosen'))).toBe(true);
    expect(r.why.some((x) => x.startsWith('0.0.0.0/0 → Internet: replaced by a User route'))).toBe(true);
    expect(w.steps[2]!.rule).toContain('application: aks-required');
    expect(w.steps[2]!.rule).toContain('from 10.240.0.0/22');
  });

  it('stops where the packet is dropped and says why: userDefinedRouting without the route table', () => {
    const broken = produce(workshop, (d) => {
      delete d.vnets[1]!.subnets[0]!.routeTableId;
    });
    const b = walk(broken, egress);
    expect(b.outcome).toBe('dropped');
    expect(b.steps.map((s) => s.kind)).toEqual(['pod', 'route', 'drop']);
    expect(b.steps[1]!.rule).toBe('aks-subnet: 0.0.0.0/0 → Internet (default route to the Internet)');
    expect(b.steps.at(-1)!.verdict).toBe('drop');
    expect(b.reason).toContain('userDefinedRouting creates no outbound IP');
  });
});

describe('workshop ingress and east-west', () => {
  it('App Gateway proxies: SNAT to its instance address, DNAT to the pod', () => {
    const w = walk(workshop, { kind: 'ingress', toPoolId: 'pool-system', via: 'appgw' });
    expect(w.outcome).toBe('delivered');
    expect(w.steps[0]!.src).toBe('198.51.100.20');
    expect(w.steps[0]!.dst).toBe('appgw-pip (public IP of workshop-appgw):443');
    const gw = w.steps.find((s) => s.kind === 'app-gateway')!;
    expect(gw.nat).toEqual([
      { kind: 'SNAT', from: '198.51.100.20', to: '10.240.4.4' },
      { kind: 'DNAT', from: 'appgw-pip (public IP of workshop-appgw):443', to: '10.240.0.5:443' },
    ]);
    const nsg = w.steps.filter((s) => s.kind === 'nsg').map((s) => s.rule);
    expect(nsg).toContain('appgw-nsg: AllowHttpsFromInternet (priority 100, Allow)');
  });

  it('pod to pod on the second node goes by the VNet route, untranslated', () => {
    const w = walk(workshop, { kind: 'pod-to-pod', fromPoolId: 'pool-system', toPoolId: 'pool-system' });
    expect(w.outcome).toBe('delivered');
    expect(w.steps.map((s) => [s.kind, s.src, s.dst])).toEqual([
      ['pod', '10.240.0.5', '10.240.0.36'],
      ['route', '10.240.0.5', '10.240.0.36'],
      ['nsg', '10.240.0.5', '10.240.0.36'],
      ['pod', '10.240.0.5', '10.240.0.36'],
    ]);
    expect(w.steps[1]!.rule).toBe('aks-subnet: 10.240.0.0/16 → VnetLocal (address space of spoke-vnet)');
    expect(w.steps[3]!.at).toContain('node 10.240.0.35');
  });

  const extended = produce(workshop, (d) => {
    d.vnets[0]!.subnets.push({ id: 'snet-gw', name: 'GatewaySubnet', cidr: '10.100.0.64/27', purpose: 'gateway' });
    d.onPremSites.push({
      id: 'site',
      name: 'dc1',
      addressPrefixes: ['192.168.0.0/16'],
      gateway: { vnetId: 'vnet-hub', type: 'Vpn', sku: 'VpnGw1', bgp: true },
    });
    d.peerings[0]!.allowGatewayTransit = true;
    d.peerings[0]!.useRemoteGateways = true;
    d.firewalls[0]!.dnatRules.push({
      name: 'web',
      protocol: 'TCP',
      destinationPort: 8080,
      translatedAddress: '10.240.0.25',
      translatedPort: 80,
    });
    d.privateEndpoints.push({
      id: 'pe',
      name: 'pe-kv',
      subnetId: 'snet-aks',
      targetType: 'Microsoft.KeyVault/vaults',
      targetName: 'kv',
      groupId: 'vault',
      privateIp: '10.240.3.200',
    });
  });

  it('firewall DNAT: destination to the internal frontend, source to the firewall private IP, then to the pod', () => {
    const w = walk(extended, { kind: 'ingress', toPoolId: 'pool-system', via: 'hub-fw/web' });
    expect(w.outcome).toBe('delivered');
    const fw = w.steps.find((s) => s.kind === 'firewall')!;
    expect(fw.nat).toEqual([
      { kind: 'DNAT', from: 'fw-pip (public IP of hub-fw):8080', to: '10.240.0.25:80' },
      { kind: 'SNAT', from: '198.51.100.20', to: '10.100.0.4' },
    ]);
    const node = w.steps.find((s) => s.kind === 'node')!;
    expect(node.nat).toEqual([{ kind: 'DNAT', from: '10.240.0.25:80', to: '10.240.0.5:80' }]);
    expect(w.steps.at(-1)!.src).toBe('10.100.0.4');
  });

  it('on-premises to the internal load balancer: the client 192.168.0.4 (first usable of 192.168.0.0/16) is kept', () => {
    const w = walk(extended, { kind: 'onprem-to-ilb', siteId: 'site', frontendId: 'fe-internalservice' });
    expect(w.outcome).toBe('delivered');
    expect(w.steps[0]!.src).toBe('192.168.0.4');
    expect(w.steps[0]!.dst).toBe('10.240.0.25:80');
    // The reply comes from the frontend the client used: conntrack reverses the DNAT.
    const reply = w.steps.at(-1)!;
    expect([reply.src, reply.dst]).toEqual(['10.240.0.25:80', '192.168.0.4']);
  });

  it('pod to a private endpoint and to on-premises: the /32 and the BGP route, no translation', () => {
    const pe = walk(extended, { kind: 'egress', fromPoolId: 'pool-system', to: 'pe' });
    expect(pe.steps[1]!.rule).toContain('10.240.3.200/32 → VnetLocal');
    expect(pe.steps.at(-1)!.src).toBe('10.240.0.5');
    const site = walk(extended, { kind: 'egress', fromPoolId: 'pool-system', to: 'site' });
    // BGP's 192.168.0.0/16 is longer than the user route 0.0.0.0/0 to the firewall: it wins.
    expect(site.steps[1]!.rule).toContain('192.168.0.0/16 → VirtualNetworkGateway');
    expect(site.steps.at(-1)!.dst).toBe('192.168.0.4');
    expect(site.outcome).toBe('delivered');
  });

  it('lists the flows of the design', () => {
    const titles = walkFlows(extended, computePlan(extended)).map((f) => f.title);
    expect(titles).toEqual([
      'Pod → Internet (aks-workshop)',
      'Internet → App Gateway workshop-appgw → pods (aks-workshop)',
      'Internet → firewall hub-fw DNAT web (aks-workshop)',
      'Pod → pod on another node (aks-workshop)',
      'Pod → on-premises dc1 (aks-workshop)',
      'Pod → private endpoint pe-kv (aks-workshop)',
      'On-premises dc1 → internal load balancer 10.240.0.25 (aks-workshop)',
    ]);
  });
});

describe('kubenet (seed-kubenet: node subnet 192.168.1.0/24, pod CIDR 10.244.0.0/16)', () => {
  const seed = example('seed-kubenet');

  it('egress SNATs the pod address to the node: 10.244.0.2 (node 0 /24, .2) → 192.168.1.4', () => {
    const w = walk(seed, { kind: 'egress', fromPoolId: 'pool-nodepool1', to: 'internet' });
    expect(w.steps[1]!.nat).toEqual([{ kind: 'SNAT', from: '10.244.0.2', to: '192.168.1.4' }]);
  });

  it('pod to pod goes by the managed route of node 1: 10.244.1.0/24 → 192.168.1.5', () => {
    const w = walk(seed, { kind: 'pod-to-pod', fromPoolId: 'pool-nodepool1', toPoolId: 'pool-nodepool1' });
    expect(w.outcome).toBe('delivered');
    expect(w.steps[0]!.dst).toBe('10.244.1.2');
    expect(w.steps[1]!.rule).toContain('10.244.1.0/24 → VirtualAppliance 192.168.1.5');
    expect(w.steps.every((s) => s.src === '10.244.0.2')).toBe(true);
  });
});

describe('NetworkPolicy decides at the pod', () => {
  const policy = (name: string, type: 'Egress' | 'Ingress') => ({
    id: `np-${name}`,
    name,
    namespace: 'default',
    yaml: `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\n  namespace: default\nspec:\n  podSelector: {}\n  policyTypes: [${type}]\n`,
  });
  const withPolicy = (type: 'Egress' | 'Ingress') =>
    produce(workshop, (d) => {
      const c = d.clusters[0]!;
      c.workloads = [deployment('web', [{ containerPort: 80, protocol: 'TCP' }], 'w')];
      c.networkPolicies = [policy(`deny-${type.toLowerCase()}`, type)];
    });

  it('a default-deny egress policy blocks the egress walk at its first step', () => {
    const w = walk(withPolicy('Egress'), egress);
    expect(w.outcome).toBe('blocked');
    expect(w.steps).toHaveLength(1);
    expect(w.steps[0]!.kind).toBe('netpol');
    expect(w.steps[0]!.rule).toBe('NetworkPolicy denies default/web → 203.0.113.10 on TCP 443');
    expect(w.reason).toContain('deny-egress');
  });

  it('a default-deny ingress policy stops pod to pod at the destination pod', () => {
    const w = walk(withPolicy('Ingress'), { kind: 'pod-to-pod', fromPoolId: 'pool-system', toPoolId: 'pool-system' });
    expect(w.outcome).toBe('blocked');
    expect(w.steps.at(-1)!.kind).toBe('netpol');
    expect(w.steps.at(-1)!.at).toContain('10.240.0.36');
  });
});

describe('every example', () => {
  it('walks every listed flow to the end its trace reaches; nothing follows a drop', () => {
    for (const name of [
      'workshop-hub-spoke',
      'seed-kubenet',
      'seed-azure-cni',
      'aks-baseline',
      'landing-zone-private',
      'broken',
    ]) {
      const d = example(name);
      const plan = computePlan(d);
      for (const o of walkFlows(d, plan)) {
        const w = walkFlow(d, plan, o.flow, o.title)!;
        const drop = w.steps.findIndex((s) => s.verdict === 'drop');
        expect(drop === -1 || drop === w.steps.length - 1, `${name}: ${o.title}`).toBe(true);
        expect(w.outcome === 'delivered', `${name}: ${o.title}`).toBe(w.steps.at(-1)?.verdict === 'deliver');
        if (o.flow.kind === 'egress' && o.flow.to === 'internet')
          expect(w.outcome, `${name}: ${o.title}`).toBe(traceEgress(d, plan, o.flow.fromPoolId, 'internet').outcome);
      }
    }
  });
});

describe('lesson checks grade the walked flows too', () => {
  it('a pod to pod check passes for the outcome the walk reaches (delivered) and fails for another', () => {
    const flow = { kind: 'pod-to-pod', fromPoolId: 'pool-system', toPoolId: 'pool-system' } as const;
    expect(gradeCheck(workshop, { kind: 'trace', flow, outcome: 'delivered' }).passed).toBe(true);
    expect(gradeCheck(workshop, { kind: 'trace', flow, outcome: 'blocked' }).passed).toBe(false);
  });
});
