/**
 * Walking a design by the kind registry: every element and row with its kind, parent and path, its references,
 * the lines it draws, and its display name. Pure reads; the store's removal builds on these.
 */
import { ELEMENT_KINDS, kindSpec, type ElementKind, type KindElements, type LineRole } from './kinds';
import type { ParentKind, RefSpec, RowSpec } from './kinds';
import type { Design, Id } from './model';

type Item = { id: Id; name: string };

/** An element found in the design, typed by its kind; children carry their parent. */
export type FoundOf<K extends ElementKind> = K extends ElementKind
  ? ParentKind<K> extends ElementKind
    ? { kind: K; element: KindElements[K]; parent: KindElements[ParentKind<K>] }
    : { kind: K; element: KindElements[K]; parent?: undefined }
  : never;
export type Found = { [K in ElementKind]: FoundOf<K> }[ElementKind];

export interface Visit {
  kind: ElementKind;
  element: Item;
  parent?: Item;
  /** Path in the design file: `design.vnets[0].subnets[1]`. */
  path: string;
}

/** The kinds held directly in another kind, by parent. */
const CHILDREN = new Map<ElementKind | null, ElementKind[]>();
for (const k of ELEMENT_KINDS) {
  const p = kindSpec(k).parent;
  CHILDREN.set(p, [...(CHILDREN.get(p) ?? []), k]);
}
export const childKinds = (kind: ElementKind | null): readonly ElementKind[] => CHILDREN.get(kind) ?? [];

/** The value at a dotted path (`gateway.vnetId`); undefined when any step is missing. */
export function valueAt(obj: unknown, path: string): unknown {
  let v: unknown = obj;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

const listIn = (owner: unknown, list: string): Item[] => {
  const v = (owner as Record<string, unknown>)[list];
  return Array.isArray(v) ? (v as Item[]) : [];
};

/**
 * Every element, in registry order, each child right after its parent (as the canvas needs them). The walk
 * stops when `visit` returns true.
 */
export function walkElements(design: Design, visit: (v: Visit) => boolean | void): void {
  const walk = (kind: ElementKind, owner: unknown, base: string, parent?: Item): boolean => {
    const spec = kindSpec(kind);
    const list = listIn(owner, spec.list);
    for (let i = 0; i < list.length; i++) {
      const element = list[i]!;
      const path = `${base}.${spec.list}[${i}]`;
      if (visit(parent ? { kind, element, parent, path } : { kind, element, path })) return true;
      for (const child of childKinds(kind)) if (walk(child, element, path, element)) return true;
    }
    return false;
  };
  for (const kind of childKinds(null)) if (walk(kind, design, 'design')) return;
}

/** The elements of one kind, with their parents. */
export function elementsOf<K extends ElementKind>(design: Design, kind: K): FoundOf<K>[] {
  const spec = kindSpec(kind);
  if (!spec.parent) return listIn(design, spec.list).map((element) => ({ kind, element }) as FoundOf<K>);
  return elementsOf(design, spec.parent).flatMap((p) =>
    listIn(p.element, spec.list).map((element) => ({ kind, element, parent: p.element }) as FoundOf<K>),
  );
}

/** The rows of an element (routes, NSG rules, frontends), with their spec. */
export function rowsOf(kind: ElementKind, element: unknown): { spec: RowSpec; row: Item; index: number }[] {
  return (kindSpec(kind).rows ?? []).flatMap((spec) =>
    listIn(element, spec.list).map((row, index) => ({ spec, row, index })),
  );
}

/** The ids a reference holds (none, one, or a list), with the path of each in the element. */
export function refIds(element: unknown, ref: RefSpec): { id: Id; path: string }[] {
  const v = valueAt(element, ref.path);
  if (ref.many) return Array.isArray(v) ? v.map((id, i) => ({ id: id as Id, path: `${ref.path}[${i}]` })) : [];
  return typeof v === 'string' ? [{ id: v, path: ref.path }] : [];
}

export function findElement(design: Design, id: Id): Found | null {
  let hit: Found | null = null;
  walkElements(design, (v) => {
    if (v.element.id !== id) return false;
    hit = (
      v.parent ? { kind: v.kind, element: v.element, parent: v.parent } : { kind: v.kind, element: v.element }
    ) as Found;
    return true;
  });
  return hit;
}

/** The name of an element or row for messages: qualified by its owner for pools and rows; the id when none. */
export function subjectName(design: Design, id: Id): string {
  let name: string | undefined;
  walkElements(design, (v) => {
    if (v.element.id === id)
      name = kindSpec(v.kind).qualified && v.parent ? `${v.parent.name}/${v.element.name}` : v.element.name;
    else for (const r of rowsOf(v.kind, v.element)) if (r.row.id === id) name = `${v.element.name}/${r.row.name}`;
    return name !== undefined;
  });
  return name ?? id;
}

export interface DesignLine {
  id: string;
  source: Id;
  target: Id;
  role: LineRole;
  label?: string;
}

/** Every line the registry draws: references with a line, peerings between their VNets, members to owners. */
export function designLines(design: Design): DesignLine[] {
  const out: DesignLine[] = [];
  walkElements(design, ({ kind, element, parent }) => {
    const spec = kindSpec(kind);
    if (spec.memberLine && parent)
      out.push({ id: `${spec.memberLine.id}:${element.id}`, source: parent.id, target: element.id, role: 'member' });
    const [first, second] = spec.refs;
    if (spec.drawn === 'line' && first?.line && second) {
      const [a] = refIds(element, first);
      const [b] = refIds(element, second);
      if (a && b) out.push(lineOf(first.line, element, a.id, b.id));
      return;
    }
    for (const ref of spec.refs) {
      if (!ref.line) continue;
      for (const { id } of refIds(element, ref)) out.push(lineOf(ref.line, element, element.id, id));
    }
  });
  return out;
}

function lineOf(line: NonNullable<RefSpec['line']>, element: Item, source: Id, target: Id): DesignLine {
  const label = line.label ? valueAt(element, line.label) : undefined;
  return {
    id: `${line.id}:${element.id}`,
    source,
    target,
    role: line.role,
    ...(typeof label === 'string' ? { label } : {}),
  };
}

/** Per kind, the references to public IPs of its elements and of its rows: computed once from the registry. */
const IP_REFS = new Map(
  ELEMENT_KINDS.map((k) => {
    const spec = kindSpec(k);
    const own = spec.refs.filter((r) => r.to === 'publicIp');
    const rows = (spec.rows ?? []).flatMap((row) => {
      const refs = row.refs.filter((r) => r.to === 'publicIp');
      return refs.length ? [{ list: row.list, refs }] : [];
    });
    return [k, { own, rows }] as const;
  }),
);

/**
 * The element each attached public IP is drawn on, as a chip (a firewall's, a gateway's, a load balancer
 * frontend's, a cluster's outbound IPs): the first that refers to it. A public IP nothing refers to is a box.
 */
export function publicIpOwners(design: Design): Map<Id, Id> {
  const owners = new Map<Id, Id>();
  const take = (ownerId: Id, holder: unknown, refs: readonly RefSpec[]) => {
    for (const ref of refs) for (const { id } of refIds(holder, ref)) if (!owners.has(id)) owners.set(id, ownerId);
  };
  walkElements(design, ({ kind, element }) => {
    const { own, rows } = IP_REFS.get(kind)!;
    if (own.length) take(element.id, element, own);
    for (const row of rows) for (const r of listIn(element, row.list)) take(element.id, r, row.refs);
  });
  return owners;
}
