import { describe, expect, it } from 'vitest';
import { applyOps } from './ops';
import { example } from './test-support';

const workshop = example('workshop-hub-spoke');

function applied(...ops: Parameters<typeof applyOps>[1]) {
  const r = applyOps(workshop, ops);
  if ('error' in r) throw new Error(r.error);
  return r.design;
}

describe('applyOps', () => {
  it('sets a field of an element by id, and a dotted field of a nested object', () => {
    const d = applied(
      { op: 'set', id: 'aks', field: 'outboundType', value: 'loadBalancer' },
      { op: 'set', id: 'aks', field: 'loadBalancerProfile.managedOutboundIpCount', value: 2 },
    );
    expect(d.clusters[0]!.outboundType).toBe('loadBalancer');
    expect(d.clusters[0]!.loadBalancerProfile).toEqual({ managedOutboundIpCount: 2 });
  });

  it('never changes the design it is given', () => {
    const before = JSON.stringify(workshop);
    applied({ op: 'set', id: 'snet-aks', field: 'cidr', value: '10.240.0.0/24' }, { op: 'remove', id: 'fw-hub' });
    expect(JSON.stringify(workshop)).toBe(before);
  });

  it('sets and removes rows by id (a route inside its route table)', () => {
    const d = applied({ op: 'set', id: 'route-default-fw', field: 'nextHopIpAddress', value: '10.100.0.5' });
    expect(d.routeTables[0]!.routes[0]!.nextHopIpAddress).toBe('10.100.0.5');
    const gone = applied({ op: 'remove', id: 'route-default-fw' });
    expect(gone.routeTables[0]!.routes).toEqual([]);
  });

  it('unsets an optional field', () => {
    const d = applied({ op: 'unset', id: 'snet-aks', field: 'routeTableId' });
    expect(d.vnets[1]!.subnets[0]!.routeTableId).toBeUndefined();
  });

  it('adds to a top-level list and to a parent element list, creating an optional Kubernetes list', () => {
    const d = applied(
      { op: 'add', list: 'publicIps', element: { id: 'pip-new', name: 'pip-new', sku: 'Standard' } },
      {
        op: 'add',
        list: 'subnets',
        parentId: 'vnet-spoke',
        element: { id: 's-new', name: 'snet-new', cidr: '10.240.5.0/24' },
      },
      {
        op: 'add',
        list: 'workloads',
        parentId: 'aks',
        element: { id: 'w1', kind: 'Pod', name: 'pod1', namespace: 'demo', labels: {}, replicas: 1, ports: [] },
      },
    );
    expect(d.publicIps.map((p) => p.id)).toContain('pip-new');
    expect(d.vnets[1]!.subnets.map((s) => s.id)).toContain('s-new');
    expect(d.clusters[0]!.workloads?.map((w) => w.name)).toEqual(['pod1']);
  });

  it('removes with the editor cascades: a subnet takes its pools and firewall, references to it are cleared', () => {
    const d = applied({ op: 'remove', id: 'snet-fw' });
    expect(d.firewalls).toEqual([]);
    const noRt = applied({ op: 'remove', id: 'rt-aks-egress' });
    expect(noRt.vnets[1]!.subnets[0]!.routeTableId).toBeUndefined();
    const noNodes = applied({ op: 'remove', id: 'snet-aks' });
    expect(noNodes.clusters[0]!.nodePools).toEqual([]);
    // The internal load balancer belongs to the cluster, which stays: only its subnet reference goes.
    expect(noNodes.loadBalancers[0]!.subnetId).toBeUndefined();
  });

  it('refuses what cannot apply, naming the change and why', () => {
    expect(applyOps(workshop, [{ op: 'set', id: 'nope', field: 'x', value: 1 }])).toEqual({
      error: 'change 1 (set): no element has id "nope"',
    });
    expect(
      applyOps(workshop, [
        { op: 'remove', id: 'aks' },
        { op: 'remove', id: 'aks' },
      ]),
    ).toEqual({
      error: 'change 2 (remove): no element has id "aks"',
    });
    expect(applyOps(workshop, [{ op: 'add', list: 'publicIps', element: { id: 'pip-fw', name: 'x' } }])).toEqual({
      error: 'change 1 (add): id "pip-fw" is already in use',
    });
    expect(applyOps(workshop, [{ op: 'set', id: 'aks', field: '__proto__.x', value: 1 }])).toEqual({
      error: 'change 1 (set): field "__proto__.x" is not a field name',
    });
    expect(applyOps(workshop, [{ op: 'set', id: 'aks', field: 'id', value: 'other' }])).toEqual({
      error: 'change 1 (set): the id of an element cannot be changed',
    });
    expect(applyOps(workshop, [{ op: 'add', list: 'name', parentId: 'aks', element: { id: 'z' } }])).toEqual({
      error: 'change 1 (add): "name" is not a list of "aks"',
    });
  });
});
