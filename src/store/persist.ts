/**
 * Autosave to localStorage and restore on load. A saved value that no longer loads is kept under another key
 * (nothing is lost) and the app starts empty with a banner saying so.
 */
import { loadDocument, serializeDocument } from '../io';
import { useDesignStore, type LineMode } from './design-store';

export const STORAGE_KEY = 'aksnet.design';
const CORRUPT_KEY = 'aksnet.design.unreadable';
/** View preferences, not part of the design: which association lines the canvas draws. */
const LINES_KEY = 'aksnet.view.lines';
const LINE_MODES: readonly LineMode[] = ['auto', 'all', 'selection'];

export function restoreSaved(storage: Storage = localStorage): void {
  const lines = storage.getItem(LINES_KEY);
  if (LINE_MODES.includes(lines as LineMode)) useDesignStore.getState().setLines(lines as LineMode);
  const text = storage.getItem(STORAGE_KEY);
  if (!text) return;
  const r = loadDocument(text);
  if (r.ok) {
    useDesignStore.getState().replaceDoc(r.doc);
    useDesignStore.temporal.getState().clear();
    return;
  }
  storage.setItem(CORRUPT_KEY, text);
  storage.removeItem(STORAGE_KEY);
  const first = r.errors[0];
  useDesignStore.getState().setBanner({
    kind: 'error',
    text: `The autosaved design could not be read (${first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'unknown problem'}); it is kept in localStorage under "${CORRUPT_KEY}".`,
  });
}

/** Saves the document shortly after each change; returns the unsubscribe function. */
export function startAutosave(storage: Storage = localStorage, delayMs = 300): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const unsubscribe = useDesignStore.subscribe((s, prev) => {
    if (s.lines !== prev.lines) {
      try {
        storage.setItem(LINES_KEY, s.lines);
      } catch {
        // A view preference that cannot be kept is not worth a banner.
      }
    }
    if (s.doc === prev.doc) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      try {
        storage.setItem(STORAGE_KEY, serializeDocument(useDesignStore.getState().doc));
      } catch {
        useDesignStore.getState().setBanner({
          kind: 'error',
          text: 'Autosave failed: the browser storage is full or disabled. Save the design to a file.',
        });
      }
    }, delayMs);
  });
  return () => {
    if (timer) clearTimeout(timer);
    unsubscribe();
  };
}
