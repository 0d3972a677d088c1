/** Copy and paste of the selection (Ctrl+C, Ctrl+V): the clip lives here; what a paste does is in clipboard-logic. */
import { useDesignStore } from '../store';
import { copyElements, pasteClip, type ClipItem } from './clipboard-logic';

let clip: ClipItem[] = [];

export function copySelection(): number {
  const s = useDesignStore.getState();
  clip = copyElements(s.doc, s.selection);
  return clip.length;
}

export function paste(): void {
  if (clip.length === 0) return;
  const s = useDesignStore.getState();
  // One undo step; what was pasted becomes the selection, and the banner says what was not.
  const { skipped } = s.edit(
    (draft, newId) => pasteClip(draft.design, draft.layout.nodes, clip, newId),
    (r) => (r.ids.length > 0 ? { selection: r.ids } : {}),
  );
  s.setBanner(skipped.length ? { kind: 'info', text: skipped.join(' ') } : null);
}
