/**
 * Deleting from the canvas or the inspector: one undo step, and a banner that says what went with it (pools of a
 * subnet, a firewall in its subnet, ...) and which public IPs it left attached to nothing, with Undo.
 */
import { kindSpec, publicIpOwners, walkElements, type Design, type ElementKind, type Id } from '../core/index';
import { useDesignStore } from './design-store';
import { removeElement } from './find';
import { undoBanner } from './replace';

interface Item {
  id: Id;
  kind: ElementKind;
  name: string;
}

/** Every element of the design with its kind, in design order. */
export function elementsOf(d: Design): Item[] {
  const out: Item[] = [];
  walkElements(d, ({ kind, element }) => void out.push({ id: element.id, kind, name: element.name }));
  return out;
}

const listed = (items: Item[], max = 4) => {
  const shown = items.slice(0, max).map((i) => `${kindSpec(i.kind).label} ${i.name}`);
  const more = items.length > max ? ` and ${items.length - max} more` : '';
  return `${shown.join(', ')}${more}`;
};

/** What a delete did, in one sentence: the elements asked for, those that went with them, IPs left unattached. */
export function describeDelete(before: Design, after: Design, asked: readonly Id[]): string {
  const still = new Set(elementsOf(after).map((i) => i.id));
  const gone = elementsOf(before).filter((i) => !still.has(i.id));
  const wanted = new Set(asked);
  const direct = gone.filter((i) => wanted.has(i.id));
  const withIt = gone.filter((i) => !wanted.has(i.id));
  const wasAttached = publicIpOwners(before);
  const nowAttached = publicIpOwners(after);
  const loose = elementsOf(after).filter(
    (i) => i.kind === 'publicIp' && wasAttached.has(i.id) && !nowAttached.has(i.id),
  );
  let text = `Deleted ${listed(direct.length ? direct : gone)}`;
  if (direct.length && withIt.length) text += `, and with it ${listed(withIt)}`;
  text += '.';
  if (loose.length) text += ` The ${listed(loose)} ${loose.length === 1 ? 'stays' : 'stay'}, attached to nothing.`;
  return text;
}

/** Deletes elements (and what cannot live without them) as one undo step, saying so in a banner with Undo. */
export function deleteElements(ids: readonly Id[]): void {
  const store = useDesignStore.getState();
  const before = store.doc.design;
  store.updateDesign((d) => ids.forEach((id) => removeElement(d, id)));
  const after = useDesignStore.getState().doc;
  if (after.design === before) return;
  useDesignStore.getState().select([]);
  undoBanner(describeDelete(before, after.design, ids), after);
}
