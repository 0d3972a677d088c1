/**
 * Traces as the numbered arrows the canvas draws, on the templates: which box each hop is on, which legs join two
 * different boxes and the addresses each leg carries, written out by hand from the hops of the trace.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../io';
import type { Design } from '../model';
import { computePlan } from '../plan';
import { traceEgress } from './egress';
import { traceIngress } from './ingress';
import { hopPackets, legPairs, traceLegs } from './trace-legs';

function example(name: string): Design {
  const r = loadDocument(readFileSync(new URL(`../../../examples/${name}.json`, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(name);
  return r.doc.design;
}

describe('trace legs', () => {
  it('workshop hub-spoke egress: pod → Azure Firewall (SNAT to fw-pip) → its public IP → the Internet', () => {
    const d = example('workshop-hub-spoke');
    const t = traceEgress(d, computePlan(d), 'pool-system', 'internet');
    // Azure CNI on the node subnet: the pod leaves with its own address; route 0.0.0.0/0 → 10.100.0.4 (hub-fw),
    // which SNATs to fw-pip, drawn as a chip on the firewall's box (the public IP hop is on fw-hub too).
    expect(t.hops.map((h) => [h.kind, h.resourceId])).toEqual([
      ['pod', 'pool-system'],
      ['firewall', 'fw-hub'],
      ['public-ip', 'fw-hub'],
      ['destination', undefined],
    ]);
    expect(hopPackets(t, 'egress')).toEqual([
      { src: 'pod IP in aks-subnet', dst: 'the Internet' },
      { src: 'public IP fw-pip', dst: 'the Internet' },
      { src: 'public IP fw-pip', dst: 'the Internet' },
      { src: 'public IP fw-pip', dst: 'the Internet' },
    ]);
    // 4 hops, 3 steps between them; firewall → public IP stays on the fw-hub box: 2 arrows.
    expect(traceLegs(t, 'egress')).toEqual({
      stops: [
        { resourceId: 'pool-system' },
        { resourceId: 'fw-hub' },
        { resourceId: 'fw-hub' },
        { outside: 'the Internet' },
      ],
      legs: [
        { n: 1, from: 0, to: 1, label: 'pod IP in aks-subnet → the Internet' },
        { n: 2, from: 2, to: 3, label: 'public IP fw-pip → the Internet' },
      ],
    });
  });

  it('AKS baseline egress: pod → node (SNAT to 10.240.0.4) → firewall (SNAT to its public IPs) → the Internet', () => {
    const d = example('aks-baseline');
    const t = traceEgress(d, computePlan(d), 'pool-system', 'internet');
    // Overlay: the node (10.240.0.4, first of snet-clusternodes 10.240.0.0/22 after the 4 reserved addresses)
    // masquerades the pod; pod and node hops are both on the npsystem box, so the first arrow leaves the node.
    const pips = 'public IP pip-fw-eastus2-00, pip-fw-eastus2-01, pip-fw-eastus2-02';
    expect(t.hops.map((h) => [h.kind, h.resourceId, h.snat?.to])).toEqual([
      ['pod', 'pool-system', undefined],
      ['node', 'pool-system', '10.240.0.4'],
      ['firewall', 'fw-hub', pips],
      ['public-ip', 'fw-hub', undefined],
      ['destination', undefined, undefined],
    ]);
    expect(traceLegs(t, 'egress').legs).toEqual([
      { n: 1, from: 1, to: 2, label: '10.240.0.4 → the Internet' },
      { n: 2, from: 3, to: 4, label: `${pips} → the Internet` },
    ]);
    expect(hopPackets(t, 'egress')[0]).toEqual({ src: 'pod IP', dst: 'the Internet' });
  });

  it('egress to an address keeps the address as destination; no SNAT keeps the pod source', () => {
    const d = example('workshop-hub-spoke');
    // 10.100.0.4 is the firewall in the peered hub: the spoke's route table sends 0.0.0.0/0 to it, but the hub's
    // address space wins by longest prefix (VNetPeering), and nothing translates on the way.
    const t = traceEgress(d, computePlan(d), 'pool-system', '10.100.0.4');
    // Hops: the pod (pool-system), the peering into hub-vnet (vnet-hub), delivered in AzureFirewallSubnet (snet-fw).
    const label = 'pod IP in aks-subnet → 10.100.0.4';
    expect(traceLegs(t, 'egress')).toEqual({
      stops: [{ resourceId: 'pool-system' }, { resourceId: 'vnet-hub' }, { resourceId: 'snet-fw' }],
      legs: [
        { n: 1, from: 0, to: 1, label },
        { n: 2, from: 1, to: 2, label },
      ],
    });
  });

  it('workshop App Gateway ingress: Internet client → gateway → its NSG checks → gateway → pod', () => {
    const d = example('workshop-hub-spoke');
    const t = traceIngress(d, computePlan(d), 'pool-system').find((x) => x.to === 'workshop-appgw')!;
    // Hops: public IP (appgw), 3 NSG checks on nsg-appgw, the gateway (appgw), the pod (pool-system): the 3 NSG
    // hops are one box, so 3 arrows: appgw → nsg-appgw, nsg-appgw → appgw, appgw → pool-system.
    const legs = traceLegs(t, 'ingress');
    expect(legs.stops.map((s) => s.resourceId)).toEqual([
      'appgw',
      'nsg-appgw',
      'nsg-appgw',
      'nsg-appgw',
      'appgw',
      'pool-system',
    ]);
    expect(legs.legs.map((l) => [l.n, l.from, l.to])).toEqual([
      [1, 0, 1],
      [2, 3, 4],
      [3, 4, 5],
    ]);
    expect(legs.legs[0]!.label).toBe('an Internet client → workshop-appgw');
  });

  it('a leg joins different boxes; stops outside the design always get one', () => {
    expect(legPairs([{ resourceId: 'a' }, { resourceId: 'a' }, {}, {}, { resourceId: 'b' }])).toEqual([
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
  });
});
