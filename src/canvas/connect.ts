/** Connecting two handles on the canvas: the change comes from connect-rules; a pair that means nothing says why. */
import { findElement, idSource, useDesignStore } from '../store';
import { connection } from './connect-rules';

export function connectElements(source: string | null, target: string | null): void {
  if (!source || !target || source === target) return;
  const store = useDesignStore.getState();
  const d = store.doc.design;
  const a = findElement(d, source);
  const b = findElement(d, target);
  if (!a || !b) return;
  const ids = idSource(d, store.doc.layout.nodes);
  const c = connection(d, a, b, (_draft, prefix) => ids(prefix));
  if ('error' in c) {
    store.setBanner({ kind: 'info', text: c.error });
    return;
  }
  store.updateDesign(c.apply);
}
