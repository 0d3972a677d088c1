/** Copy and paste of the selection (Ctrl+C, Ctrl+V): the clip lives here; what a paste does is in clipboard-logic. */
import { newId, useDesignStore } from '../store';
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
  const design = structuredClone(s.doc.design);
  const layout = { ...s.doc.layout.nodes };
  const { ids, skipped } = pasteClip(design, layout, clip, (prefix) => newId(design, layout, prefix));
  if (ids.length > 0) useDesignStore.setState({ doc: { ...s.doc, design, layout: { nodes: layout } }, selection: ids });
  useDesignStore.getState().setBanner(skipped.length ? { kind: 'info', text: skipped.join(' ') } : null);
}
