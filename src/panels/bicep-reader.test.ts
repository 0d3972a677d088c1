import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bicepParser, bicepReader } from './bicep-reader';
import { parseParams } from './use-import';

const hub = readFileSync(new URL('../../fixtures/import/aks-baseline/hub-default.bicep', import.meta.url), 'utf8');

describe('the Bicep reader of the app', () => {
  it('loads tree-sitter and the grammar from the bytes inlined in its chunk and imports the aks-baseline hub', async () => {
    const reader = await bicepReader();
    const r = reader.importBicep(hub, { params: { location: 'eastus2' } });
    expect(r.design!.vnets.map((v) => [v.name, v.addressSpaces])).toEqual([['vnet-eastus2-hub', ['10.200.0.0/24']]]);
    expect(r.items.filter((i) => i.status === 'unresolved')).toEqual([]);
    // Loaded once: every call gives the same parser.
    expect(await bicepParser()).toBe(await bicepParser());
  });
});

describe('parseParams', () => {
  it('reads NAME=VALUE lines, skips blanks and comments, and names the lines it cannot read', () => {
    const r = parseParams('location = eastus2\n\n# the hub\nhubVnetResourceId=/subscriptions/0/x=y\nbad line\n=x');
    expect({ ...r.params }).toEqual({ location: 'eastus2', hubVnetResourceId: '/subscriptions/0/x=y' });
    expect(r.errors).toEqual(['line 5: expected NAME=VALUE, got "bad line"', 'line 6: expected NAME=VALUE, got "=x"']);
  });

  it('gives no prototype keys', () => {
    const r = parseParams('__proto__=x\nconstructor=y');
    expect(Object.getPrototypeOf(r.params)).toBeNull();
    expect(Object.keys(r.params)).toEqual(['__proto__', 'constructor']);
  });
});
