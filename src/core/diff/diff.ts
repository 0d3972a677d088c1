/** diffDesigns: every change between two designs and what Azure does to apply it. */
import type { Design } from '../model';
import { indexSide, listChanges, slot } from './compare';
import { classify } from './forces';
import type { DesignDiff } from './types';

export function diffDesigns(before: Design, after: Design): DesignDiff {
  const a = indexSide(before);
  const b = indexSide(after);
  const changes = listChanges(before, after, a, b).map((change) => {
    const key = slot(change.kind, change.subject);
    const old = change.kind === 'design' ? before : a.byKey.get(key)?.element;
    const next = change.kind === 'design' ? after : b.byKey.get(key)?.element;
    return classify({ change, before, after, ...(old ? { old } : {}), ...(next ? { next } : {}) });
  });
  return { changes };
}
