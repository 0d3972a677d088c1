/**
 * Autosave to localStorage and restore on load. A saved value that no longer loads is kept under another key
 * (nothing is lost) and the app starts empty with a banner saying so.
 */
import { loadDocument, serializeDocument } from '../io';
import { useDesignStore } from './design-store';

export const STORAGE_KEY = 'aksnet.design';
const CORRUPT_KEY = 'aksnet.design.unreadable';

export function restoreSaved(storage: Storage = localStorage): void {
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
    if (s.doc === prev.doc) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      try {
        storage.setItem(STORAGE_KEY, serializeDocument(useDesignStore.getState().doc));
      } catch {
        useDesignStore.getState().setBanner({ kind: 'error', text: 'Autosave failed: the browser storage is full or disabled. Save the design to a file.' });
      }
    }, delayMs);
  });
  return () => {
    if (timer) clearTimeout(timer);
    unsubscribe();
  };
}
