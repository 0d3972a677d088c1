/**
 * Loading a design from a share link (`#d=...`) on start and whenever the hash changes. A corrupt or hostile link
 * shows an error banner and the current design stays. Once the design is edited the link in the address bar no
 * longer describes it, so it is dropped: a reload then restores the newer, autosaved design.
 */
import { useEffect } from 'react';
import { decodeShareLink } from '../io';
import { useDesignStore } from '../store';
import { openResult } from './open-result';
import { payloadOfHash } from './share-hash';
import { lessonOfHash } from './lesson-hash';
import { openLessonLink } from './lesson-open';

// The payload last handled: the app shell and a hashchange listener may both ask for the same link.
let handled: string | null = null;
// What the link in the address bar describes (loaded from it, or just shared): the design and its metadata. The
// layout is left out: the canvas measuring or moving boxes does not make the link stale.
let linked: { design: unknown; meta: unknown } | null = null;

let loading = false;

const contentOf = (doc: { design: unknown; meta: unknown }) => ({ design: doc.design, meta: doc.meta });

function clearHash(): void {
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
}

/** Loads the design (or the lesson) in the current URL hash, if it holds a link. Returns true when one was loaded. */
export function loadFromHash(): boolean {
  const lesson = lessonOfHash(location.hash);
  if (lesson) {
    // A link that does not open would repeat its error on every reload.
    const opened = openLessonLink(lesson);
    if (!opened) clearHash();
    return opened;
  }
  const payload = payloadOfHash(location.hash);
  if (payload === null || payload === handled) return false;
  handled = payload;
  // The store tells its subscribers of the load before openResult returns: the link is not stale yet.
  loading = true;
  let ok = false;
  try {
    ok = openResult(decodeShareLink(payload), 'The share link');
  } finally {
    loading = false;
  }
  // A link that does not load would repeat its error on every reload.
  if (ok) linked = contentOf(useDesignStore.getState().doc);
  else clearHash();
  return ok;
}

/** Marks the current hash as the link of the current design (after sharing), so it is not loaded back. */
export function markShared(payload: string): void {
  handled = payload;
  linked = contentOf(useDesignStore.getState().doc);
}

/** For the app shell: load a share link on mount and on hashchange; drop the link when the design changes. */
export function useShareLinkLoader(): void {
  useEffect(() => {
    loadFromHash();
    const onHash = () => void loadFromHash();
    window.addEventListener('hashchange', onHash);
    const unsubscribe = useDesignStore.subscribe((s, prev) => {
      if (loading || s.doc === prev.doc || payloadOfHash(location.hash) === null) return;
      if (linked && s.doc.design === linked.design && s.doc.meta === linked.meta) return;
      handled = null;
      linked = null;
      clearHash();
    });
    return () => {
      window.removeEventListener('hashchange', onHash);
      unsubscribe();
    };
  }, []);
}
