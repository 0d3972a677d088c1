import { describe, expect, it } from 'vitest';
import { loadDocument, serializeDocument, type DesignDocument } from '../io';
import { addResource, findElement } from '../store';
import type { ElementKind } from '../store';
import { FIELDS, LISTS, type FieldSpec, type FieldType } from './field-specs';
import { getPath, parseField, refOptions, setPath } from './field-logic';
import { addRow, removeRow } from './list-logic';
import { loadExample } from './test-support';

/** The baseline plus the kinds it lacks (an on-prem site, a NAT gateway, an Application Gateway for Containers). */
function docWithEveryKind(): DesignDocument {
  const doc = structuredClone(loadExample('aks-baseline'));
  const hub = doc.design.vnets[0]!.id;
  for (const kind of ['onprem', 'nat-gateway', 'agc'] as const) {
    const r = addResource(doc.design, doc.layout.nodes, kind, 0, 0, { vnetId: hub });
    if ('error' in r) throw new Error(r.error);
  }
  return doc;
}

function firstOf(doc: DesignDocument, kind: ElementKind): Record<string, unknown> {
  const d = doc.design;
  const lists: Record<ElementKind, unknown[]> = {
    vnet: d.vnets,
    subnet: d.vnets.flatMap((v) => v.subnets),
    peering: d.peerings,
    onprem: d.onPremSites,
    cluster: d.clusters,
    pool: d.clusters.flatMap((c) => c.nodePools),
    loadBalancer: d.loadBalancers,
    appGateway: d.appGateways,
    firewall: d.firewalls,
    natGateway: d.natGateways,
    publicIp: d.publicIps,
    routeTable: d.routeTables,
    nsg: d.nsgs,
    privateEndpoint: d.privateEndpoints,
    bastion: d.bastions,
    agc: d.appGatewaysForContainers,
  };
  const el = lists[kind][0];
  if (!el) throw new Error(`no ${kind} in the test design`);
  return el as Record<string, unknown>;
}

/** Text a user could type into each kind of typed field. */
const TYPED: Partial<Record<FieldType, (spec: FieldSpec) => string>> = {
  name: () => 'web2',
  cidr: () => '10.99.0.0/24',
  ip: () => '10.99.0.4',
  int: (spec) => String(spec.min ?? 1),
  surge: () => '33%',
  'port-range': () => '65200-65535',
  'address-prefix': () => 'GatewayManager',
  text: () => 'Standard_D4ds_v5',
};

/** A value a user could pick for each kind of picked field. */
const PICKED: Partial<Record<FieldType, (spec: FieldSpec, doc: DesignDocument) => unknown>> = {
  bool: () => true,
  select: (spec) => spec.options!.filter((o) => o !== '').at(-1),
  multi: (spec) => [spec.options![0]],
  'cidr-list': () => ['10.98.0.0/16'],
  'ip-list': () => ['10.98.0.4'],
  ref: (spec, doc) => refOptions(doc.design, spec.ref!).at(-1)!.id,
  'ref-list': (spec, doc) => [refOptions(doc.design, spec.ref!)[0]!.id],
};

/** A value a user could pick or type for the field, as typed text (or the picked value). */
function sample(spec: FieldSpec, doc: DesignDocument): { text?: string; value?: unknown } {
  const typed = TYPED[spec.type];
  if (typed) return { text: typed(spec) };
  const picked = PICKED[spec.type];
  if (!picked) throw new Error(`no sample for a ${spec.type} field`);
  return { value: picked(spec, doc) };
}

function expectLoads(doc: DesignDocument, what: string): void {
  const r = loadDocument(serializeDocument(doc));
  expect(r.ok ? [] : r.errors.map((e) => `${what}: ${e.path} ${e.message}`)).toEqual([]);
}

describe('every inspector field writes a value the design format accepts', () => {
  const kinds = Object.keys(FIELDS) as ElementKind[];
  for (const kind of kinds) {
    it(kind, () => {
      for (const spec of FIELDS[kind]) {
        const doc = docWithEveryKind();
        const el = firstOf(doc, kind);
        const s = sample(spec, doc);
        let value = s.value;
        if (s.text !== undefined) {
          const parsed = parseField(spec, s.text, el.osType as string | undefined);
          expect(parsed, `${kind}.${spec.path}`).toMatchObject({ ok: true });
          value = parsed.ok ? parsed.value : undefined;
        }
        setPath(el, spec.path, value);
        expect(getPath(el, spec.path), `${kind}.${spec.path}`).toEqual(value);
        expectLoads(doc, `${kind}.${spec.path}`);
      }
    });
  }
});

describe('list rows', () => {
  for (const [kind, list] of Object.entries(LISTS)) {
    it(`adding and removing a ${list.item} keeps the design loadable`, () => {
      const doc = docWithEveryKind();
      const el = firstOf(doc, kind as ElementKind);
      const before = (el[list.path] as unknown[] | undefined)?.length ?? 0;
      addRow(el, list, `${list.item.replace(/\W+/g, '-')}-new`);
      expect((el[list.path] as unknown[]).length).toBe(before + 1);
      expectLoads(doc, `${kind} add ${list.item}`);
      // Every default of a new row passes the inspector's own checks.
      const row = (el[list.path] as Record<string, unknown>[])[before]!;
      for (const spec of list.fields) {
        const v = getPath(row, spec.path);
        if (
          v !== undefined &&
          ['name', 'cidr', 'ip', 'int', 'port-range', 'address-prefix', 'text'].includes(spec.type)
        ) {
          expect(parseField(spec, String(v)), `${list.item}.${spec.path}`).toMatchObject({ ok: true });
        }
      }
      removeRow(el, list, before);
      expect((el[list.path] as unknown[]).length).toBe(before);
      expectLoads(doc, `${kind} remove ${list.item}`);
    });
  }

  it('a DNAT rule gets no id (the format has none for it)', () => {
    const doc = docWithEveryKind();
    const fw = doc.design.firewalls[0]!;
    addRow(fw as unknown as Record<string, unknown>, LISTS.firewall!, 'dnat-1');
    expect(fw.dnatRules.at(-1)).not.toHaveProperty('id');
    expect(findElement(doc.design, fw.id)?.kind).toBe('firewall');
  });
});
