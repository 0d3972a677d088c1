/**
 * Autosave in IndexedDB (through idb-keyval: localStorage holds about 5 M characters, a large design more) and
 * restore on load. Each tab edits one slot (its id kept in sessionStorage, so a reload stays on it); a new tab
 * opens the slot saved last. Nothing here may stop the app from starting: any storage failure becomes a banner.
 *
 * - A saved design that does not load is left where it is and the tab moves to a new slot, so nothing is copied
 *   (a copy of a huge value is what overflows a quota) and nothing is overwritten.
 * - A pending save is flushed on `pagehide` and when the tab is hidden; on `pagehide` a copy also goes to
 *   localStorage synchronously (when it fits), since an IndexedDB write started while a page unloads may not finish.
 * - Another tab saving the same slot is noticed (BroadcastChannel, and the slot's metadata before each write):
 *   this tab stops saving and offers to reload the other tab's design or keep its own as a new design.
 * - While a lesson runs, the user's design it keeps aside is what is saved, never the lesson's step.
 */
import { createStore, get, setMany } from 'idb-keyval';
import { loadDocument, serializeDocument, type LoadResult } from '../io';
import { useDesignStore, type LineMode } from './design-store';
import { userDocument } from './lesson';
import { parseOffThread } from './parse-off-thread';

/** The localStorage key of the autosave before it moved to IndexedDB: migrated once, then removed. */
export const LEGACY_KEY = 'aksnet.design';
/** View preferences, not part of the design: which association lines the canvas draws. */
const LINES_KEY = 'aksnet.view.lines';
const LINE_MODES: readonly LineMode[] = ['auto', 'all', 'selection'];
const PENDING_KEY = 'aksnet.design.pending';
const SLOT_KEY = 'aksnet.slot';
const LAST_KEY = 'last';
export const designKey = (slot: string) => `design:${slot}`;
const metaKey = (slot: string) => `meta:${slot}`;
/** The slot of a browser that has never saved, and of a migrated localStorage autosave. */
export const FIRST_SLOT = 'main';
export const CHANNEL = 'aksnet.autosave';

/** The part of idb-keyval used here, so tests can pass a failing store. */
export interface Kv {
  get<T>(key: string): Promise<T | undefined>;
  setMany(entries: [string, unknown][]): Promise<void>;
}

export function idbKv(): Kv {
  const store = createStore('aksnet', 'autosave');
  return { get: (k) => get(k, store), setMany: (e) => setMany(e, store) };
}

interface Meta {
  tab: string;
  savedAt: number;
}
interface Pending extends Meta {
  slot: string;
  text: string;
}

export interface PersistEnv {
  kv: Kv | null;
  local: Storage | null;
  session: Storage | null;
  channel: BroadcastChannel | null;
  tab: string;
  now: () => number;
  newSlot: () => string;
  /** Reads the saved text (a worker for a large design, see parse-off-thread.ts); on the page when absent. */
  parse?: (text: string) => Promise<LoadResult>;
}

/** Storage that throws on access (some private modes) counts as absent. */
function tryStorage(get: () => Storage): Storage | null {
  try {
    const s = get();
    s.getItem(SLOT_KEY);
    return s;
  } catch {
    return null;
  }
}

export function browserEnv(): PersistEnv {
  const id = () => globalThis.crypto.randomUUID();
  let kv: Kv | null = null;
  try {
    if (typeof indexedDB !== 'undefined') kv = idbKv();
  } catch {
    kv = null;
  }
  return {
    kv,
    local: tryStorage(() => localStorage),
    session: tryStorage(() => sessionStorage),
    channel: typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL),
    tab: id(),
    now: () => Date.now(),
    newSlot: id,
    parse: parseOffThread,
  };
}

const state = {
  env: null as PersistEnv | null,
  slot: FIRST_SLOT,
  /** savedAt of the slot's value this tab last loaded or wrote. */
  seen: 0,
  stale: false,
  failed: false,
};

const banner = (kind: 'error' | 'info', text: string, actions?: { label: string; testId: string; run: () => void }[]) =>
  useDesignStore.getState().setBanner({ kind, text, ...(actions ? { actions } : {}) });

const why = (e: unknown) => (e instanceof Error ? e.message : String(e));

function setSlot(slot: string): void {
  state.slot = slot;
  try {
    state.env?.session?.setItem(SLOT_KEY, slot);
  } catch {
    // Without sessionStorage a reload opens the slot saved last, which is this one unless another tab saved since.
  }
}

/** A value written to localStorage on pagehide goes into IndexedDB when it is newer than what is there. */
async function commitPending(env: PersistEnv, kv: Kv): Promise<void> {
  const raw = env.local?.getItem(PENDING_KEY);
  if (!raw) return;
  let p: Pending | null = null;
  try {
    p = JSON.parse(raw) as Pending;
  } catch {
    p = null;
  }
  if (p && typeof p.text === 'string' && typeof p.slot === 'string') {
    const meta = await kv.get<Meta>(metaKey(p.slot));
    if (!meta || p.savedAt > meta.savedAt) await write(kv, p.slot, p.text, { tab: p.tab, savedAt: p.savedAt });
  }
  env.local?.removeItem(PENDING_KEY);
}

function write(kv: Kv, slot: string, text: string, meta: Meta): Promise<void> {
  return kv.setMany([
    [designKey(slot), text],
    [metaKey(slot), meta],
    [LAST_KEY, slot],
  ]);
}

/** The autosave in localStorage from before IndexedDB: moved once (removed only after the move succeeded). */
async function migrateLegacy(env: PersistEnv, kv: Kv): Promise<void> {
  const text = env.local?.getItem(LEGACY_KEY);
  if (!text || (await kv.get(LAST_KEY)) !== undefined) return;
  await write(kv, FIRST_SLOT, text, { tab: 'localStorage', savedAt: 0 });
  env.local?.removeItem(LEGACY_KEY);
}

function restoreLines(env: PersistEnv): void {
  const lines = env.local?.getItem(LINES_KEY);
  if (LINE_MODES.includes(lines as LineMode)) useDesignStore.getState().setLines(lines as LineMode);
}

const readText = (env: PersistEnv, text: string): Promise<LoadResult> =>
  env.parse ? env.parse(text) : Promise.resolve(loadDocument(text));

/** Loads the slot's text into the store; an unreadable one is left in place and the tab moves to a new slot. */
function applySaved(r: LoadResult, savedAt: number, env: PersistEnv): void {
  if (r.ok) {
    useDesignStore.getState().replaceDoc(r.doc);
    useDesignStore.temporal.getState().clear();
    state.seen = savedAt;
    return;
  }
  const first = r.errors[0];
  const reason = first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'unknown problem';
  const kept = state.slot;
  setSlot(env.newSlot());
  state.seen = 0;
  banner(
    'error',
    `The autosaved design could not be read (${reason}). It is kept unchanged in this browser's storage (IndexedDB "aksnet", key "${designKey(kept)}"); this tab starts a new design.`,
  );
}

/**
 * Restores the autosaved design of this tab (or the one saved last). Never throws; storage that does not answer
 * within `timeoutMs` is given up (autosave off), so the app always starts.
 */
export async function restoreSaved(env: PersistEnv = browserEnv(), timeoutMs = 5000): Promise<void> {
  let gaveUp = false;
  let timeout: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => {
    timeout = setTimeout(() => resolve('late'), timeoutMs);
  });
  // The limit is for the storage: once it has answered, reading a large design may take what it takes.
  const answered = () => clearTimeout(timeout);
  const outcome = await Promise.race([restoreFrom(env, () => gaveUp, answered).then(() => 'done' as const), late]);
  clearTimeout(timeout);
  if (outcome === 'late') {
    gaveUp = true;
    env.kv = null;
    state.failed = true;
    banner('error', 'The browser storage did not answer: autosave is off. Save the design to a file.');
  }
}

async function restoreFrom(env: PersistEnv, gaveUp: () => boolean, answered: () => void): Promise<void> {
  state.env = env;
  // Writes still waiting on the storage given before are not waited for.
  queue = Promise.resolve();
  state.stale = false;
  state.failed = false;
  state.seen = 0;
  try {
    restoreLines(env);
  } catch {
    // A view preference is not worth a banner.
  }
  const kv = env.kv;
  if (!kv) {
    state.failed = true;
    banner(
      'error',
      'This browser gives the app no storage (private mode?): autosave is off. Save the design to a file.',
    );
    return;
  }
  try {
    await migrateLegacy(env, kv);
    await commitPending(env, kv);
    setSlot(env.session?.getItem(SLOT_KEY) ?? (await kv.get<string>(LAST_KEY)) ?? FIRST_SLOT);
    const text = await kv.get<unknown>(designKey(state.slot));
    if (typeof text !== 'string') return;
    const meta = await kv.get<Meta>(metaKey(state.slot));
    if (gaveUp()) return;
    answered();
    applySaved(await readText(env, text), meta?.savedAt ?? 0, env);
  } catch (e) {
    if (gaveUp()) return;
    state.failed = true;
    banner(
      'error',
      `The browser storage could not be read (${why(e)}): autosave is off, the app works without it. Save the design to a file.`,
    );
  }
}

/** The pending autosave and the chain of writes (one at a time, in order). */
let timer: ReturnType<typeof setTimeout> | null = null;
let queue: Promise<void> = Promise.resolve();

function markStale(): void {
  if (state.stale) return;
  state.stale = true;
  if (timer) clearTimeout(timer);
  timer = null;
  banner(
    'error',
    'This design was changed in another tab. This tab no longer autosaves it: reload the other tab’s version, or keep this copy as a new design (the other tab’s stays as it is).',
    [
      { label: 'Reload it', testId: 'conflict-reload', run: () => void reloadFromStorage() },
      { label: 'Keep mine as a new design', testId: 'conflict-keep', run: keepAsNew },
    ],
  );
}

/** Loads the slot as another tab saved it. */
export async function reloadFromStorage(): Promise<void> {
  const env = state.env;
  if (!env?.kv) return;
  try {
    const text = await env.kv.get<unknown>(designKey(state.slot));
    const meta = await env.kv.get<Meta>(metaKey(state.slot));
    state.stale = false;
    useDesignStore.getState().setBanner(null);
    if (typeof text === 'string') applySaved(await readText(env, text), meta?.savedAt ?? 0, env);
  } catch (e) {
    banner('error', `The other tab's design could not be read (${why(e)}); this tab keeps its copy.`);
  }
}

/** This tab's copy goes on as a design of its own; the slot the other tab saved is left alone. */
export function keepAsNew(): void {
  const env = state.env;
  if (!env) return;
  setSlot(env.newSlot());
  state.seen = 0;
  state.stale = false;
  banner('info', 'This tab’s design is kept as a new design; the other tab’s design is unchanged.');
  schedule(0);
}

function save(): Promise<void> {
  const env = state.env;
  const kv = env?.kv;
  if (!env || !kv || state.stale) return Promise.resolve();
  const slot = state.slot;
  const text = serializeDocument(userDocument());
  queue = queue.then(async () => {
    try {
      const meta = await kv.get<Meta>(metaKey(slot));
      if (meta && meta.tab !== env.tab && meta.savedAt > state.seen) return markStale();
      const savedAt = Math.max(env.now(), state.seen + 1);
      await write(kv, slot, text, { tab: env.tab, savedAt });
      state.seen = savedAt;
      state.failed = false;
      dropOwnPending(env);
      env.channel?.postMessage({ slot, tab: env.tab, savedAt });
    } catch (e) {
      if (state.failed) return;
      state.failed = true;
      banner(
        'error',
        `Autosave failed (${why(e)}): the browser storage is full or disabled. Save the design to a file.`,
      );
    }
  });
  return queue;
}

/** A copy written on unload is spent once IndexedDB holds the same or newer; another tab's is left to it. */
function dropOwnPending(env: PersistEnv): void {
  try {
    const raw = env.local?.getItem(PENDING_KEY);
    if (raw && (JSON.parse(raw) as Pending).tab === env.tab) env.local?.removeItem(PENDING_KEY);
  } catch {
    env.local?.removeItem(PENDING_KEY);
  }
}

function schedule(delayMs: number): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = null;
    void save();
  }, delayMs);
}

/** Saves a pending change now; on unload also a synchronous copy in localStorage (when it fits). */
export function flush(unloading = false): Promise<void> {
  if (!timer) return queue;
  clearTimeout(timer);
  timer = null;
  const env = state.env;
  if (unloading && env?.local && !state.stale) {
    const p: Pending = {
      slot: state.slot,
      tab: env.tab,
      savedAt: Math.max(env.now(), state.seen + 1),
      text: serializeDocument(userDocument()),
    };
    try {
      env.local.setItem(PENDING_KEY, JSON.stringify(p));
    } catch {
      // Too large for localStorage: the IndexedDB write below is the only copy.
    }
  }
  return save();
}

/** Saves the document shortly after each change; returns the unsubscribe function. */
export function startAutosave(delayMs = 300): () => void {
  const unsubscribe = useDesignStore.subscribe((s, prev) => {
    if (s.lines !== prev.lines) {
      try {
        state.env?.local?.setItem(LINES_KEY, s.lines);
      } catch {
        // A view preference that cannot be kept is not worth a banner.
      }
    }
    if (s.doc !== prev.doc && !state.stale) schedule(delayMs);
  });
  const onMessage = (e: MessageEvent<{ slot?: string; tab?: string }>) => {
    if (e.data?.slot === state.slot && e.data.tab !== state.env?.tab) markStale();
  };
  const onHide = () => void flush(true);
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') void flush(true);
  };
  const channel = state.env?.channel ?? null;
  const win = typeof window === 'undefined' ? null : window;
  const doc = typeof document === 'undefined' ? null : document;
  channel?.addEventListener('message', onMessage);
  win?.addEventListener('pagehide', onHide);
  doc?.addEventListener('visibilitychange', onVisibility);
  return () => {
    if (timer) clearTimeout(timer);
    timer = null;
    unsubscribe();
    channel?.removeEventListener('message', onMessage);
    win?.removeEventListener('pagehide', onHide);
    doc?.removeEventListener('visibilitychange', onVisibility);
  };
}

/** Whether this tab stopped saving because another tab saved the same design (for tests and the shell). */
export const isStale = (): boolean => state.stale;
