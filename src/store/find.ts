/** Finding and removing design elements by id, with the cascades the kind registry declares. */
import {
  ELEMENT_KINDS,
  childKinds,
  findElement,
  kindSpec,
  removeElement,
  type Design,
  type ElementKind,
  type Found,
} from '../core/index';

export { findElement, removeElement, type ElementKind, type Found };

/** The design list of each kind that is not nested in a VNet or a cluster (drawn as a box or a line). */
export const FLAT_LISTS: readonly (readonly [ElementKind, keyof Design])[] = ELEMENT_KINDS.filter(
  (k) => kindSpec(k).parent === null && childKinds(k).length === 0,
).map((k) => [k, kindSpec(k).list as keyof Design] as const);
