/**
 * Every kind of the registry is handled everywhere: drawn on the canvas, its references checked on load, removable
 * with its cascades, named in messages, and its name checked. The fixture holds at least one element of every
 * kind, so a kind added to the registry without an example fails here first.
 */
import { describe, expect, it } from 'vitest';
import {
  computePlan,
  elementsOf,
  ELEMENT_KINDS,
  findElement,
  kindSpec,
  publicIpOwners,
  refIds,
  rowsOf,
  subjectName,
  valueAt,
  walkElements,
  type Design,
  type ElementKind,
  type RefSpec,
} from '../src/core/index';
import { loadDocument, newDocument, serializeDocument } from '../src/io';
import { removeElement } from '../src/store';
import { deriveFlow } from '../src/canvas/derive';
import { nameOfSubject } from '../cli/read-design';
import { featureDesign } from '../src/export/test-feature-design';

type Rec = Record<string, unknown>;

function loadErrors(design: Design): string[] {
  const doc = { ...newDocument('kinds'), design };
  const r = loadDocument(serializeDocument(doc));
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
}

/** Sets a dotted path whose objects on the way exist. */
function setAt(obj: Rec, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop()!;
  let o = obj;
  for (const k of keys) o = o[k] as Rec;
  o[last] = value;
}

/** Every element of the fixture with its kind and file path, and each row with its owner's. */
function pathsOf(d: Design): { kind: ElementKind; id: string; path: string }[] {
  const out: { kind: ElementKind; id: string; path: string }[] = [];
  walkElements(d, ({ kind, element, path }) => void out.push({ kind, id: element.id, path }));
  return out;
}

/** The element at a file path of the design (`design.vnets[0].subnets[1]`). */
function at(d: Design, path: string): Rec {
  let o: unknown = { design: d };
  for (const m of path.matchAll(/(\w+)(?:\[(\d+)\])?/g)) {
    o = (o as Rec)[m[1]!];
    if (m[2] !== undefined) o = (o as unknown[])[Number(m[2])];
  }
  return o as Rec;
}

/** Elements with a reference of the given onDelete pointing at `id`, by kind. */
function referrers(d: Design, id: string, onDelete: RefSpec['onDelete']): string[] {
  const out: string[] = [];
  walkElements(d, ({ kind, element }) => {
    const hit = kindSpec(kind).refs.some(
      (ref) => ref.onDelete === onDelete && refIds(element, ref).some((r) => r.id === id),
    );
    if (hit) out.push(element.id);
  });
  return out;
}

/** The feature design, plus bring-your-own outbound IPs on the first cluster (a reference it leaves out). */
function fixture(): Design {
  const d = featureDesign();
  d.publicIps.push({ id: 'pip-out', name: 'pip-outbound', sku: 'Standard' });
  d.clusters[0]!.loadBalancerProfile = {
    managedOutboundIpCount: 0,
    allocatedOutboundPorts: 0,
    idleTimeoutMinutes: 4,
    outboundPublicIpIds: ['pip-out'],
  };
  return d;
}

describe('the kind registry', () => {
  const base = fixture();

  it('the fixture holds every kind and loads cleanly', () => {
    expect(ELEMENT_KINDS.filter((k) => elementsOf(base, k).length === 0)).toEqual([]);
    expect(loadErrors(base)).toEqual([]);
  });

  it('every id-holding field of the fixture is a reference of the registry', () => {
    // `groupId` is a private link sub-resource name, not an id of the design.
    const NOT_REFS = new Set(['groupId']);
    const fields = (o: unknown, base = ''): string[] =>
      Object.entries(o as Rec).flatMap(([k, v]) => {
        const path = base ? `${base}.${k}` : k;
        if (v && typeof v === 'object' && !Array.isArray(v)) return fields(v, path);
        return /(Id|Ids)$/.test(k) && !NOT_REFS.has(k) ? [path] : [];
      });
    const missing: string[] = [];
    walkElements(base, ({ kind, element }) => {
      const declared = new Set(kindSpec(kind).refs.map((r) => r.path));
      for (const f of fields(element)) if (!declared.has(f)) missing.push(`${kind}.${f}`);
      for (const { spec, row } of rowsOf(kind, element))
        for (const f of fields(row))
          if (!spec.refs.some((r) => r.path === f)) missing.push(`${kind}.${spec.list}.${f}`);
    });
    expect(missing).toEqual([]);
  });

  it.each(ELEMENT_KINDS)('%s is drawn: a box, a chip on its owner for an attached public IP, or a line', (kind) => {
    const doc = { ...newDocument('kinds'), design: base };
    const { nodes, edges } = deriveFlow(doc, computePlan(base), [], new Set(), 'all');
    const spec = kindSpec(kind);
    const owners = publicIpOwners(base);
    for (const { element } of elementsOf(base, kind)) {
      if (kind === 'publicIp' && owners.has(element.id)) {
        // Drawn on what it belongs to, not as a box of its own.
        expect(nodes.find((n) => n.id === element.id)).toBeUndefined();
        const owner = nodes.find((n) => n.id === owners.get(element.id));
        expect(owner?.data.ipIds, `${element.id} on ${owners.get(element.id)}`).toContain(element.id);
        expect(owner?.data.ipNames).toContain(element.name);
      } else if (spec.drawn === 'box') {
        const node = nodes.find((n) => n.id === element.id);
        expect(node, `${kind} ${element.id}`).toBeDefined();
        expect(node!.data.kind).toBe(spec.label);
        expect(node!.data.name).toBe(element.name);
      } else {
        expect(edges.map((e) => e.id)).toContain(`${spec.refs[0]!.line!.id}:${element.id}`);
      }
    }
  });

  it.each(ELEMENT_KINDS)('%s: each reference is checked on load (a dangling one is reported)', (kind) => {
    const mine = pathsOf(base).filter((p) => p.kind === kind);
    // For each reference, the first element whose objects on the way exist (a cluster with a load balancer profile).
    const holds = (el: unknown, ref: RefSpec) => {
      const owner = ref.path.split('.').slice(0, -1).join('.');
      return !owner || typeof valueAt(el, owner) === 'object';
    };
    const cases: { path: string; ref: RefSpec }[] = kindSpec(kind).refs.map((ref) => {
      const p = mine.find((x) => holds(at(base, x.path), ref));
      expect(p, `an element of ${kind} for ${ref.path}`).toBeDefined();
      return { path: p!.path, ref };
    });
    // Rows: the first row of each row list.
    for (const { spec } of kindSpec(kind).rows ? [{ spec: kindSpec(kind) }] : [])
      for (const rows of spec.rows!) {
        const p = mine.find((x) => rowsOf(kind, at(base, x.path)).some((r) => r.spec === rows));
        expect(p, `a ${kind} with ${rows.list}`).toBeDefined();
        for (const ref of rows.refs) cases.push({ path: `${p!.path}.${rows.list}[0]`, ref });
      }
    for (const { path, ref } of cases) {
      const d = structuredClone(base);
      setAt(at(d, path), ref.path, ref.many ? ['nowhere'] : 'nowhere');
      const where = `${path}.${ref.path}${ref.many ? '[0]' : ''}`;
      expect(loadErrors(d), where).toContain(
        `${where}: refers to ${ref.to} "nowhere", which does not exist in this design`,
      );
    }
  });

  it.each(ELEMENT_KINDS)('%s is removable with its cascades; the rest loads without dangling references', (kind) => {
    for (const { element } of elementsOf(base, kind)) {
      const d = structuredClone(base);
      const cascading = referrers(d, element.id, 'cascade');
      const cleared = referrers(d, element.id, 'clear');
      const found = findElement(d, element.id)!;
      const children = pathsOf(d)
        .filter((p) => p.path.startsWith(`${pathsOf(d).find((x) => x.id === element.id)!.path}.`))
        .map((p) => p.id);
      removeElement(d, element.id);
      expect(findElement(d, element.id), `${found.kind} ${element.id}`).toBeNull();
      for (const id of [...cascading, ...children])
        expect(findElement(d, id), `${id} goes with ${element.id}`).toBeNull();
      // What only referred to it stays, without the reference.
      for (const id of cleared.filter((x) => !cascading.includes(x))) expect(findElement(d, id), id).not.toBeNull();
      expect(loadErrors(d), `after removing ${element.id}`).toEqual([]);
    }
  });

  it.each(ELEMENT_KINDS)('%s is named in messages (CLI and panels), its rows too', (kind) => {
    for (const { element, parent } of elementsOf(base, kind)) {
      const expected = kindSpec(kind).qualified ? `${parent!.name}/${element.name}` : element.name;
      expect(subjectName(base, element.id)).toBe(expected);
      expect(nameOfSubject(base, element.id)).toBe(expected);
      for (const { row } of rowsOf(kind, element))
        expect(subjectName(base, row.id)).toBe(`${element.name}/${row.name}`);
    }
  });

  it.each(ELEMENT_KINDS.filter((k) => kindSpec(k).nameKind))('%s names are checked (invalid-name)', (kind) => {
    const d = structuredClone(base);
    const [first] = elementsOf(d, kind);
    first!.element.name = 'not a valid name!';
    const hit = computePlan(d).findings.find((f) => f.rule === 'invalid-name' && f.subjectId === first!.element.id);
    expect(hit?.message).toMatch(new RegExp(`^${kindSpec(kind).label} name "not a valid name!"`));
  });
});
