/** New, open, save, share link and templates. A file or link that does not load leaves the design as it is. */
import { useState } from 'react';
import { fileNameFor } from '../export/file-names';
import { encodeShareLink, loadDocument, newDocument, serializeDocument } from '../io';
import { downloadText, replaceDesign, useDesignStore } from '../store';
import { OpenFileButton } from './OpenFileButton';
import { openResult } from './open-result';
import { hashOfPayload } from './share-hash';
import { ImportDialog } from './ImportDialog';
import { TEMPLATES } from './templates';
import { markShared } from './use-share-link';

/** The saved file's name, from the design name (the scheme exports and pictures use too). */
export function fileNameOf(name: string): string {
  return fileNameFor(name, '.json');
}

function share(): void {
  const store = useDesignStore.getState();
  const payload = encodeShareLink(store.doc);
  const hash = hashOfPayload(payload);
  const url = `${location.origin}${location.pathname}${location.search}${hash}`;
  // replaceState: no hashchange, so the design is not loaded back into itself.
  history.replaceState(history.state, '', hash);
  markShared(payload);
  const copied = navigator.clipboard ? navigator.clipboard.writeText(url) : Promise.reject(new Error('no clipboard'));
  copied.then(
    () =>
      store.setBanner({
        kind: 'info',
        text: `Share link copied to the clipboard (${url.length.toLocaleString('en-US')} characters); it is also in the address bar.`,
      }),
    () =>
      store.setBanner({
        kind: 'info',
        text: 'The share link is in the address bar; copy it from there (the clipboard is not available).',
      }),
  );
}

export function FileMenu() {
  const [importing, setImporting] = useState(false);
  const open = async (file: File) => openResult(loadDocument(await file.text()), `"${file.name}"`);
  return (
    <div className="file-menu" data-testid="file-menu">
      <button
        type="button"
        data-testid="file-new"
        onClick={() =>
          replaceDesign(
            newDocument('Untitled design', useDesignStore.getState().doc.design.location),
            'A new design replaced the current one.',
          )
        }
      >
        New
      </button>
      <OpenFileButton
        label="Open…"
        accept=".json,application/json"
        testid="file-open"
        inputTestid="file-input"
        onFile={(f) => {
          if (f) void open(f);
        }}
      />
      <button type="button" data-testid="file-import" onClick={() => setImporting(true)}>
        Import…
      </button>
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
      <button
        type="button"
        data-testid="file-save"
        onClick={() => {
          const doc = useDesignStore.getState().doc;
          downloadText(fileNameOf(doc.meta.name), serializeDocument(doc), 'application/json');
        }}
      >
        Save
      </button>
      <button type="button" data-testid="file-share" onClick={share}>
        Share link
      </button>
      <select
        data-testid="templates"
        value=""
        aria-label="Templates"
        onChange={(e) => {
          const t = TEMPLATES.find((x) => x.file === e.target.value);
          if (t) openResult(loadDocument(t.doc), `Template "${t.name}"`);
        }}
      >
        <option value="">Templates…</option>
        {TEMPLATES.map((t) => (
          <option key={t.file} value={t.file}>
            {t.name}
          </option>
        ))}
      </select>
    </div>
  );
}
