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

// The payload last handled: the app shell and a hashchange listener may both ask for the same link.
let handled: string | null = null;
// The document the link in the address bar describes (loaded from it, or just shared).
let linked: unknown = null;

function clearHash(): void {
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
}

/** Loads the design in the current URL hash, if it holds a share link. Returns true when a design was loaded. */
export function loadFromHash(): boolean {
  const payload = payloadOfHash(location.hash);
  if (payload === null || payload === handled) return false;
  handled = payload;
  const ok = openResult(decodeShareLink(payload), 'The share link');
  // A link that does not load would repeat its error on every reload.
  if (ok) linked = useDesignStore.getState().doc;
  else clearHash();
  return ok;
}

/** Marks the current hash as the link of the current design (after sharing), so it is not loaded back. */
export function markShared(payload: string): void {
  handled = payload;
  linked = useDesignStore.getState().doc;
}

/** For the app shell: load a share link on mount and on hashchange; drop the link when the design changes. */
export function useShareLinkLoader(): void {
  useEffect(() => {
    loadFromHash();
    const onHash = () => void loadFromHash();
    window.addEventListener('hashchange', onHash);
    const unsubscribe = useDesignStore.subscribe((s, prev) => {
      if (s.doc === prev.doc || s.doc === linked || payloadOfHash(location.hash) === null) return;
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
