/** New, open, save, share link and templates. A file or link that does not load leaves the design as it is. */
import { useRef } from 'react';
import { decodeShareLink, encodeShareLink, loadDocument, newDocument, serializeDocument, type LoadResult } from '../io';
import { useDesignStore } from '../store';
import { download } from './ExportPanel';

const TEMPLATES = import.meta.glob('../../examples/*.json', { eager: true, import: 'default' });

export const templates = Object.entries(TEMPLATES)
  .map(([path, doc]) => ({ file: path.split('/').pop()!.replace(/\.json$/, ''), doc }))
  .sort((a, b) => a.file.localeCompare(b.file));

function explain(r: Extract<LoadResult, { ok: false }>): string {
  return r.errors.slice(0, 3).map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ');
}

export function openResult(r: LoadResult, what: string): boolean {
  const store = useDesignStore.getState();
  if (!r.ok) {
    store.setBanner({ kind: 'error', text: `${what} could not be opened, your design is unchanged: ${explain(r)}` });
    return false;
  }
  store.replaceDoc(r.doc);
  store.setBanner(r.warnings.length ? { kind: 'info', text: r.warnings.join(' ') } : null);
  return true;
}

export function FileMenu() {
  const input = useRef<HTMLInputElement>(null);
  const doc = useDesignStore((s) => s.doc);
  const share = () => {
    const payload = encodeShareLink(doc);
    const url = `${location.origin}${location.pathname}#d=${payload}`;
    history.replaceState(null, '', `#d=${payload}`);
    void navigator.clipboard?.writeText(url).catch(() => undefined);
    useDesignStore.getState().setBanner({ kind: 'info', text: 'Share link copied to the clipboard (and shown in the address bar).' });
  };
  return (
    <div className="file-menu" data-testid="file-menu">
      <button type="button" data-testid="file-new" onClick={() => useDesignStore.getState().replaceDoc(newDocument('Untitled design', doc.design.location))}>New</button>
      <button type="button" data-testid="file-open" onClick={() => input.current?.click()}>Open…</button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="file-input"
        onChange={async (e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) openResult(loadDocument(await f.text()), f.name);
        }}
      />
      <button type="button" data-testid="file-save" onClick={() => download(`${doc.meta.name.replace(/[^A-Za-z0-9._-]+/g, '-') || 'design'}.json`, serializeDocument(doc), 'application/json')}>Save</button>
      <button type="button" data-testid="file-share" onClick={share}>Share link</button>
      <select
        data-testid="templates"
        value=""
        aria-label="Templates"
        onChange={(e) => {
          const t = templates.find((x) => x.file === e.target.value);
          if (t) openResult(loadDocument(t.doc), `Template ${t.file}`);
        }}
      >
        <option value="">Templates…</option>
        {templates.map((t) => <option key={t.file} value={t.file}>{(t.doc as { meta?: { name?: string } }).meta?.name ?? t.file}</option>)}
      </select>
    </div>
  );
}

/** Loads a design from the URL hash (#d=...) on start and when the hash changes. */
export function loadFromHash(): void {
  const m = /^#d=(.+)$/.exec(location.hash);
  if (m) openResult(decodeShareLink(m[1]!), 'The share link');
}
