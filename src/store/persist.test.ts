import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDocument, newDocument, serializeDocument } from '../io';
import { addCluster } from './factory';
import { useDesignStore } from './design-store';
import {
  CHANNEL,
  FIRST_SLOT,
  LEGACY_KEY,
  designKey,
  flush,
  idbKv,
  isStale,
  restoreSaved,
  startAutosave,
  type Kv,
  type PersistEnv,
} from './persist';

class MemoryStorage {
  data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

let kv: Kv;
let local: MemoryStorage;
let stops: (() => void)[] = [];
let ids = 0;

function env(over: Partial<PersistEnv> = {}): PersistEnv {
  return {
    kv,
    local: local as unknown as Storage,
    session: new MemoryStorage() as unknown as Storage,
    channel: null,
    tab: `tab-${++ids}`,
    now: () => 1000 + ids++,
    newSlot: () => `slot-${++ids}`,
    ...over,
  };
}

const addOneCluster = () => useDesignStore.getState().updateDesign((d) => void addCluster(d, {}, 0, 0));
const clusters = () => useDesignStore.getState().doc.design.clusters.map((c) => c.name);
const banner = () => useDesignStore.getState().banner;
const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

function autosave(delay = 0) {
  const stop = startAutosave(delay);
  stops.push(stop);
  return stop;
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  kv = idbKv();
  local = new MemoryStorage();
  useDesignStore.getState().replaceDoc(newDocument('t'));
  useDesignStore.getState().setBanner(null);
});

afterEach(() => {
  stops.forEach((s) => s());
  stops = [];
});

describe('autosave in IndexedDB', () => {
  it('saves after a change and restores it in a new tab (the slot saved last)', async () => {
    await restoreSaved(env());
    const stop = autosave();
    addOneCluster();
    await tick();
    await flush();
    // This module holds one tab: the first closes before the second opens.
    stop();
    useDesignStore.getState().replaceDoc(newDocument('other'));
    await restoreSaved(env());
    expect(clusters()).toEqual(['aks-1']);
    expect(banner()).toBeNull();
  });

  it('moves the localStorage autosave into IndexedDB once and removes the old key', async () => {
    const doc = newDocument('legacy');
    doc.design.location = 'westeurope';
    local.setItem(LEGACY_KEY, serializeDocument(doc));
    await restoreSaved(env());
    expect(useDesignStore.getState().doc.meta.name).toBe('legacy');
    expect(local.getItem(LEGACY_KEY)).toBeNull();
    expect(await kv.get(designKey(FIRST_SLOT))).toBe(serializeDocument(doc));
    // An old key that comes back later is not migrated over what IndexedDB holds.
    local.setItem(LEGACY_KEY, serializeDocument(newDocument('late')));
    await restoreSaved(env());
    expect(useDesignStore.getState().doc.meta.name).toBe('legacy');
  });

  it('a huge unreadable autosave leaves a working app, a message, and the saved value untouched', async () => {
    // 6,000,000 characters, unterminated: JSON that does not parse, and over what localStorage could copy.
    const huge = `{"format":"aks-network-design","x":"${'x'.repeat(6_000_000)}`;
    await kv.setMany([
      [designKey(FIRST_SLOT), huge],
      ['last', FIRST_SLOT],
    ]);
    const e = env();
    await restoreSaved(e);
    expect(banner()!.kind).toBe('error');
    expect(banner()!.text).toContain('could not be read');
    expect(banner()!.text).toContain(`"${designKey(FIRST_SLOT)}"`);
    // The app edits and autosaves a new design; the unreadable one is never overwritten.
    autosave();
    addOneCluster();
    await tick();
    await flush();
    expect(await kv.get(designKey(FIRST_SLOT))).toBe(huge);
    const slot = e.session!.getItem('aksnet.slot')!;
    expect(slot).not.toBe(FIRST_SLOT);
    expect(JSON.parse((await kv.get<string>(designKey(slot)))!).design.clusters[0].name).toBe('aks-1');
  });

  it('storage that fails to read, to write, or is missing gives a message and a working app', async () => {
    const broken: Kv = {
      get: () => Promise.reject(new Error('UnknownError: the database is corrupt')),
      setMany: () => Promise.reject(new Error('QuotaExceededError')),
    };
    await restoreSaved(env({ kv: broken }));
    expect(banner()!.text).toContain('the database is corrupt');
    const full: Kv = { get: () => Promise.resolve(undefined), setMany: broken.setMany };
    useDesignStore.getState().setBanner(null);
    await restoreSaved(env({ kv: full }));
    expect(banner()).toBeNull();
    autosave();
    addOneCluster();
    await tick();
    await flush();
    expect(banner()!.text).toContain('Autosave failed (QuotaExceededError)');
    expect(clusters()).toEqual(['aks-1']);
    await restoreSaved(env({ kv: null }));
    expect(banner()!.text).toContain('autosave is off');
  });

  it('storage that never answers is given up after the timeout', async () => {
    const silent: Kv = { get: () => new Promise(() => {}), setMany: () => new Promise(() => {}) };
    await restoreSaved(env({ kv: silent }), 20);
    expect(banner()!.text).toContain('did not answer');
  });

  it('a saved design that takes longer to read than the storage limit still loads: the limit is for the storage', async () => {
    await kv.setMany([[designKey(FIRST_SLOT), serializeDocument(newDocument('slow to read'))]]);
    // The reader (a worker for a large design) answers after the 20 ms the storage was given.
    const slow: PersistEnv['parse'] = (text) => tick(60).then(() => loadDocument(text));
    await restoreSaved(env({ parse: slow }), 20);
    expect(useDesignStore.getState().doc.meta.name).toBe('slow to read');
    expect(banner()).toBeNull();
  });

  it('a saved design the reader refuses is kept in place, as one the page refuses', async () => {
    await kv.setMany([[designKey(FIRST_SLOT), '{"format":"aks-network-design"}']]);
    const seen: string[] = [];
    const reader: PersistEnv['parse'] = (text) => (seen.push(text), Promise.resolve(loadDocument(text)));
    await restoreSaved(env({ parse: reader }));
    expect(seen).toEqual(['{"format":"aks-network-design"}']);
    expect(banner()!.text).toContain('could not be read');
    expect(await kv.get(designKey(FIRST_SLOT))).toBe('{"format":"aks-network-design"}');
  });

  it('a change flushed on unload survives a lost IndexedDB write through its localStorage copy', async () => {
    // This tab's IndexedDB writes never finish (the page went away first).
    const lost: Kv = { get: (k) => kv.get(k), setMany: () => new Promise(() => {}) };
    await restoreSaved(env({ kv: lost }));
    autosave(10_000);
    addOneCluster();
    void flush(true);
    useDesignStore.getState().replaceDoc(newDocument('other'));
    await restoreSaved(env());
    expect(clusters()).toEqual(['aks-1']);
    expect(local.getItem('aksnet.design.pending')).toBeNull();
  });

  it('keeps the lines preference across reloads; an unknown value is ignored', async () => {
    await restoreSaved(env());
    autosave();
    useDesignStore.getState().setLines('selection');
    useDesignStore.getState().setLines('auto');
    useDesignStore.getState().setLines('selection');
    await restoreSaved(env());
    expect(useDesignStore.getState().lines).toBe('selection');
    local.setItem('aksnet.view.lines', 'everything');
    useDesignStore.getState().setLines('all');
    await restoreSaved(env());
    expect(useDesignStore.getState().lines).toBe('all');
  });
});

describe('two tabs on one design', () => {
  async function otherTabSaves(name: string, announce: boolean) {
    const doc = newDocument(name);
    await kv.setMany([
      [designKey(FIRST_SLOT), serializeDocument(doc)],
      [`meta:${FIRST_SLOT}`, { tab: 'other', savedAt: 999_999 }],
    ]);
    if (announce) {
      const other = new BroadcastChannel(CHANNEL);
      other.postMessage({ slot: FIRST_SLOT, tab: 'other', savedAt: 999_999 });
      other.close();
    }
  }

  async function thisTab() {
    const channel = new BroadcastChannel(CHANNEL);
    stops.push(() => channel.close());
    await restoreSaved(env({ channel }));
    autosave();
    addOneCluster();
    await tick();
    await flush();
  }

  it('a save announced by the other tab makes this one stop saving and offer reload', async () => {
    await thisTab();
    await otherTabSaves('theirs', true);
    await expect.poll(isStale).toBe(true);
    expect(banner()!.text).toContain('changed in another tab');
    expect(banner()!.actions!.map((a) => a.testId)).toEqual(['conflict-reload', 'conflict-keep']);
    // This tab's later edits do not overwrite the other's save.
    addOneCluster();
    await tick();
    await flush();
    expect(JSON.parse((await kv.get<string>(designKey(FIRST_SLOT)))!).meta.name).toBe('theirs');
    banner()!.actions![0]!.run();
    await expect.poll(() => useDesignStore.getState().doc.meta.name).toBe('theirs');
    expect(isStale()).toBe(false);
  });

  it('an unannounced save is caught before writing; keeping this copy saves it as a new design', async () => {
    await thisTab();
    await otherTabSaves('theirs', false);
    addOneCluster();
    await tick();
    await flush();
    expect(isStale()).toBe(true);
    banner()!.actions![1]!.run();
    await tick();
    await flush();
    expect(clusters()).toEqual(['aks-1', 'aks-2']);
    expect(JSON.parse((await kv.get<string>(designKey(FIRST_SLOT)))!).meta.name).toBe('theirs');
    const mine = (await kv.get<string>('last'))!;
    expect(mine).not.toBe(FIRST_SLOT);
    expect(JSON.parse((await kv.get<string>(designKey(mine)))!).design.clusters).toHaveLength(2);
  });
});
