import { describe, expect, it } from 'vitest';
import { LISTS } from './field-specs';
import { addRow, keyOfRow, removeRow } from './list-logic';

describe('list rows', () => {
  it('adds a route with an id and the default 0.0.0.0/0 to an appliance, and removes by position', () => {
    const rt: Record<string, unknown> = { routes: [{ id: 'r1', name: 'a' }] };
    addRow(rt, LISTS.routeTable!, 'route-2');
    expect(rt.routes).toEqual([
      { id: 'r1', name: 'a' },
      {
        id: 'route-2',
        name: 'default',
        addressPrefix: '0.0.0.0/0',
        nextHopType: 'VirtualAppliance',
        nextHopIpAddress: '10.0.1.4',
      },
    ]);
    removeRow(rt, LISTS.routeTable!, 0);
    expect((rt.routes as { id: string }[]).map((r) => r.id)).toEqual(['route-2']);
  });

  it('starts a missing list', () => {
    const nsg: Record<string, unknown> = {};
    addRow(nsg, LISTS.nsg!, 'rule-1');
    expect((nsg.rules as unknown[]).length).toBe(1);
  });

  it('keys rows by id, or by position when the format gives them none', () => {
    expect(keyOfRow({ id: 'r1' }, 3)).toBe('r1');
    expect(keyOfRow({ name: 'web' }, 3)).toBe('#3');
  });
});
