import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Design } from '../core/index';
import { loadDocument } from '../io';
import { findElement } from '../store';
import { featureDesign } from '../export/test-feature-design';
import { connection, type Connection } from './connect-rules';

function baseline(): Design {
  const r = loadDocument(readFileSync(new URL('../../examples/aks-baseline.json', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('aks-baseline does not load');
  return r.doc.design;
}

/** Connects two elements of a copy of the design; returns the changed copy or the error. */
function connect(d: Design, a: string, b: string): { design: Design; c: Connection } {
  const draft = structuredClone(d);
  const c = connection(d, findElement(d, a)!, findElement(d, b)!, (_x, prefix) => `${prefix}-new`);
  if ('apply' in c) c.apply(draft);
  return { design: draft, c };
}

describe('connecting two boxes', () => {
  const d = baseline();

  it('peers two VNets once, in either direction', () => {
    const [hub, spoke] = d.vnets;
    expect(connect(d, 'vnet-spoke', 'vnet-hub').c).toEqual({
      error: `${spoke!.name} and ${hub!.name} are already peered.`,
    });
    const without = { ...d, peerings: [] };
    const { design } = connect(without, 'vnet-spoke', 'vnet-hub');
    expect(design.peerings).toEqual([
      expect.objectContaining({ id: 'peer-new', localVnetId: 'vnet-spoke', remoteVnetId: 'vnet-hub' }),
    ]);
  });

  it('associates an NSG with a subnet whichever end is the source', () => {
    const { design } = connect(d, 'nsg-pe', 'snet-apiserver');
    expect(design.vnets[1]!.subnets.find((s) => s.id === 'snet-apiserver')!.nsgId).toBe('nsg-pe');
  });

  it('an internal load balancer takes its frontends from the subnet it is connected to; a public one refuses', () => {
    expect(connect(d, 'snet-pe', 'ilb-ingress').design.loadBalancers[0]!.subnetId).toBe('snet-pe');
    const pub = structuredClone(d);
    pub.loadBalancers[0]!.type = 'public';
    expect(connect(pub, 'ilb-ingress', 'snet-pe').c).toEqual({
      error: expect.stringContaining('public load balancer'),
    });
  });

  it('places a firewall in a subnet and adds a public IP once', () => {
    let { design } = connect(d, 'fw-hub', 'snet-hub-gw');
    expect(design.firewalls[0]!.subnetId).toBe('snet-hub-gw');
    // pip-fw-00 is already one of the firewall's three public IPs: connecting it again adds nothing.
    design = connect(design, 'pip-fw-00', 'fw-hub').design;
    expect(design.firewalls[0]!.publicIpIds).toEqual(['pip-fw-00', 'pip-fw-01', 'pip-fw-02']);
    design = connect(design, 'fw-hub', 'pip-bastion').design;
    expect(design.firewalls[0]!.publicIpIds).toEqual(['pip-fw-00', 'pip-fw-01', 'pip-fw-02', 'pip-bastion']);
  });

  it('an Application Gateway connected to a cluster becomes its AGIC ingress', () => {
    const g = structuredClone(d);
    delete g.appGateways[0]!.agicClusterId;
    expect(connect(g, 'aks', 'appgw').design.appGateways[0]!.agicClusterId).toBe('aks');
  });

  it('an Application Gateway for Containers connects to its subnet and its cluster through its registry references', () => {
    const f = featureDesign();
    f.appGatewaysForContainers[0]!.subnetId = 's-pe';
    delete f.appGatewaysForContainers[0]!.clusterId;
    const placed = connect(f, 's-agc', 'agc');
    expect(placed.c).toMatchObject({ what: 'agc-spoke placed in snet-agc' });
    expect(placed.design.appGatewaysForContainers[0]!.subnetId).toBe('s-agc');
    const served = connect(f, 'agc', 'aks2');
    expect(served.c).toMatchObject({ what: 'agc-spoke serves aks-overlay' });
    expect(served.design.appGatewaysForContainers[0]!.clusterId).toBe('aks2');
  });

  it('a pair that means nothing says what can be connected', () => {
    expect(connect(d, 'nsg-pe', 'pip-fw-00').c).toEqual({
      error: expect.stringMatching(/^NSG and public IP: nothing to connect\. Connect two VNets to peer them/),
    });
  });
});
