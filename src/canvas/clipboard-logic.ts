/**
 * Copy and paste as pure functions over the document: a copy keeps the selected elements as they are; a paste
 * adds them again with new ids, new names and, for VNets and subnets, free address blocks, and says what it
 * could not paste and why.
 */
import {
  nextFreeCidr,
  type Cluster,
  type Design,
  type Id,
  type KindElements,
  type Subnet,
  type Vnet,
} from '../core/index';
import type { DesignDocument, LayoutNode } from '../io';
import { findElement, FLAT_LISTS, freeVnetSpace, type ElementKind } from '../store';

type Layout = DesignDocument['layout']['nodes'];

/** A copied element, typed by its kind. */
export type ClipItem = {
  [K in ElementKind]: {
    kind: K;
    element: KindElements[K];
    box?: LayoutNode;
    /** The VNet a copied subnet came from. */
    parentId?: Id;
  };
}[ElementKind];

// Peerings are not pasted: a copy would join the same two VNets again.
const LISTS: Partial<Record<ElementKind, keyof Design>> = {
  vnet: 'vnets',
  cluster: 'clusters',
  ...Object.fromEntries(FLAT_LISTS.filter(([kind]) => kind !== 'peering')),
};

/** The selected elements, deep-copied. Subnets of a selected VNet travel with it, not twice. */
export function copyElements(doc: DesignDocument, ids: Id[]): ClipItem[] {
  const chosen = new Set(ids);
  return ids.flatMap((id) => {
    const f = findElement(doc.design, id);
    if (!f || (f.kind === 'subnet' && f.parent && chosen.has(f.parent.id))) return [];
    return [
      {
        kind: f.kind,
        element: structuredClone(f.element),
        box: doc.layout.nodes[id],
        ...(f.kind === 'subnet' ? { parentId: f.parent.id } : {}),
      } as ClipItem,
    ];
  });
}

function copyName(existing: string[], name: string): string {
  const set = new Set(existing);
  if (!set.has(`${name}-copy`)) return `${name}-copy`;
  for (let i = 2; ; i++) if (!set.has(`${name}-copy${i}`)) return `${name}-copy${i}`;
}

const prefixOf = (cidr: string) => Number(cidr.split('/')[1] ?? 24);
const moved = (box: LayoutNode | undefined, by: number): LayoutNode | undefined =>
  box ? { ...box, x: box.x + by, y: box.y + by } : undefined;

export interface PasteResult {
  ids: Id[];
  /** What was not pasted, and why, one sentence each. */
  skipped: string[];
}

/** Adds copies of the clip to `design` and `layout` (both changed in place: pass copies). */
export function pasteClip(
  design: Design,
  layout: Layout,
  clip: ClipItem[],
  makeId: (prefix: string) => Id,
): PasteResult {
  const ids: Id[] = [];
  const skipped: string[] = [];
  const freshSubnet = (s: Subnet, cidr: string): Subnet => {
    const id = makeId('snet');
    return { ...structuredClone(s), id, cidr };
  };
  for (const item of clip) {
    if (item.kind === 'subnet') {
      const vnet = design.vnets.find((v) => v.id === item.parentId);
      const s = structuredClone(item.element);
      const cidr = vnet
        ? nextFreeCidr(
            vnet.addressSpaces,
            vnet.subnets.map((x) => x.cidr),
            prefixOf(s.cidr),
          )
        : null;
      if (!vnet || !cidr) {
        skipped.push(
          vnet
            ? `${s.name}: ${vnet.name} has no free /${prefixOf(s.cidr)} left.`
            : `${s.name}: its VNet no longer exists.`,
        );
        continue;
      }
      const copy = freshSubnet(s, cidr);
      copy.name = copyName(
        vnet.subnets.map((x) => x.name),
        s.name,
      );
      vnet.subnets.push(copy);
      const box = moved(item.box, 20);
      if (box) layout[copy.id] = box;
      ids.push(copy.id);
      continue;
    }
    const src = structuredClone(item.element);
    const list = LISTS[item.kind];
    if (!list) {
      skipped.push(
        `${src.name}: a ${item.kind === 'pool' ? 'node pool is added by dropping one on a subnet' : 'peering is made by connecting two VNets'}.`,
      );
      continue;
    }
    const existing = (design[list] as { name: string }[]).map((x) => x.name);
    const prefix = src.id.replace(/-\d+$/, '') || item.kind;
    src.id = makeId(prefix);
    src.name = copyName(existing, src.name);
    let subnets: Subnet[] = [];
    if (item.kind === 'vnet') {
      const v = src as Vnet;
      const space = freeVnetSpace(design, prefixOf(v.addressSpaces[0] ?? '/16'));
      if (!space) {
        skipped.push(`${item.element.name}: no free /${prefixOf(v.addressSpaces[0] ?? '/16')} left in 10.0.0.0/8.`);
        continue;
      }
      // The copy gets one space; its subnets are laid out again in it, in order, at their sizes.
      subnets = v.subnets;
      v.addressSpaces = [space];
      v.subnets = [];
    }
    if (item.kind === 'cluster') {
      (src as Cluster).nodePools = [];
      skipped.push(`${src.name}: copied without node pools; drop pools on a subnet to add them.`);
    }
    (design[list] as unknown[]).push(src);
    // Subnets are added once their VNet is in the design, so each new id is seen by the next.
    for (const sub of subnets) {
      const v = src as Vnet;
      const cidr = nextFreeCidr(
        v.addressSpaces,
        v.subnets.map((x) => x.cidr),
        prefixOf(sub.cidr),
      );
      if (!cidr) continue;
      const copy = freshSubnet(sub, cidr);
      v.subnets.push(copy);
      if (layout[sub.id]) layout[copy.id] = { ...layout[sub.id]! };
    }
    const box = moved(item.box, 40);
    if (box) layout[src.id] = box;
    ids.push(src.id);
  }
  return { ids, skipped };
}
