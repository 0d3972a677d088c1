/**
 * Import: paste or open an az script, Bicep, ARM template or az JSON output, read the report (each item imported,
 * defaulted, ignored or unresolved) and what would change from the imported state to this design, then replace the
 * design or merge into it. Nothing is applied before one of those two is chosen; each is one undo step.
 */
import { useMemo, useRef, useState } from 'react';
import { diffDesigns, type Design, type ForcedChange } from '../core/index';
import { layoutDesign } from '../export';
import { newDocument } from '../io';
import { IMPORT_SOURCES, IMPORT_STATUSES, type ImportResult, type ImportSource } from '../io/import';
import { replaceDesign, requestFit, undoBanner, useDesignStore } from '../store';
import { mergeInto } from './import-merge';
import { parseParams, useImport, type OpenedFiles } from './use-import';

/** Most files read from one Open (a hub, its spokes and their modules). */
const MAX_OPEN_FILES = 50;
const NO_FILES: OpenedFiles = { name: '', others: [] };

const SOURCE_LABELS: Record<ImportSource, string> = {
  az: 'az CLI script',
  bicep: 'Bicep',
  arm: 'ARM template',
  azjson: 'az JSON output',
};

function Report({ result }: { result: ImportResult }) {
  return (
    <div data-testid="import-report" className="import-report">
      <div data-testid="import-source">Read as {SOURCE_LABELS[result.from]}</div>
      {IMPORT_STATUSES.map((status) => {
        const items = result.items.filter((i) => i.status === status);
        if (!items.length) return null;
        return (
          <section key={status} data-testid={`import-group-${status}`}>
            <h4>
              {status} ({items.length})
            </h4>
            <ul>
              {items.map((i, n) => (
                <li key={n} data-testid="import-item" data-status={i.status}>
                  <span className="import-at">{i.at}</span> <strong>{i.what}</strong>: {i.message}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

const show = (v: unknown) => (v === undefined ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v));

function changeText(c: ForcedChange): string {
  if (c.op !== 'changed') return `${c.op} ${c.kind} ${c.subject}`;
  return `${c.kind} ${c.subject} ${c.field}: ${show(c.before)} → ${show(c.after)}`;
}

/** What applying this design over the imported state takes. */
function Changes({ imported, current }: { imported: Design; current: Design }) {
  const { changes } = useMemo(() => diffDesigns(imported, current), [imported, current]);
  return (
    <div data-testid="import-diff" className="import-diff">
      <h4>From the imported state to this design: {changes.length ? `${changes.length} changes` : 'no changes'}</h4>
      <ul>
        {changes.map((c, n) => (
          <li key={n} data-testid="import-change" data-effect={c.effect}>
            {changeText(c)} —{' '}
            <strong>
              {c.effect}
              {c.recreates ? ` ${c.recreates}` : ''}
            </strong>
            : {c.message}{' '}
            <a href={c.learnUrl} target="_blank" rel="noreferrer">
              Learn
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

async function layoutOf(design: Design) {
  return layoutDesign(design, {});
}

async function replaceWith(design: Design, label: string): Promise<void> {
  const doc = newDocument(useDesignStore.getState().doc.meta.name, design.location);
  const layout = await layoutOf(design);
  replaceDesign({ ...doc, design, layout: { nodes: layout } }, `The ${label} import replaced the design.`);
}

async function mergeWith(design: Design, label: string): Promise<void> {
  const layout = await layoutOf(design);
  const s = useDesignStore.getState();
  const result = s.edit((draft, newId) => mergeInto(draft, design, layout, newId));
  const renamed = result.renamed.length ? ` ${result.renamed.join(' ')}` : '';
  undoBanner(`The ${label} import was merged into the design.${renamed}`, useDesignStore.getState().doc);
  // The merged part lies to the right of the drawing, often outside the view: the view shows all of it.
  requestFit();
}

export function ImportDialog({ onClose }: { onClose: () => void }) {
  const [text, setText] = useState('');
  const [opened, setOpened] = useState<OpenedFiles>(NO_FILES);
  const [from, setFrom] = useState<ImportSource | 'auto'>('auto');
  const [busy, setBusy] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const current = useDesignStore((s) => s.doc.design);
  // resourceGroup().location is the deployment's: the design's region unless the user changes it.
  const [paramsText, setParamsText] = useState(() => `location=${current.location}`);
  const { result, source, parser } = useImport(text, from, paramsText, opened);
  const paramErrors = parseParams(paramsText).errors;
  const design = result?.design ?? null;
  const apply = (how: typeof replaceWith) => {
    if (!design || !result) return;
    setBusy(true);
    void how(design, SOURCE_LABELS[result.from]).finally(() => {
      setBusy(false);
      onClose();
    });
  };
  return (
    <div className="import-dialog" role="dialog" aria-label="Import" data-testid="import-dialog">
      <h3>Import</h3>
      <div className="import-input">
        <label>
          From{' '}
          <select
            data-testid="import-from"
            value={from}
            onChange={(e) => setFrom(e.target.value as ImportSource | 'auto')}
          >
            <option value="auto">detect</option>
            {IMPORT_SOURCES.map((s) => (
              <option key={s} value={s}>
                {SOURCE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" data-testid="import-open" onClick={() => file.current?.click()}>
          Open files…
        </button>
        <input
          ref={file}
          type="file"
          hidden
          multiple
          accept=".sh,.azcli,.bicep,.json,.txt"
          data-testid="import-file"
          onChange={(e) => {
            const fs = [...(e.target.files ?? [])].slice(0, MAX_OPEN_FILES);
            e.target.value = '';
            void Promise.all(fs.map(async (f) => ({ name: f.name, text: await f.text() }))).then(([first, ...rest]) => {
              if (!first) return;
              setText(first.text);
              setOpened({ name: first.name, others: rest });
            });
          }}
        />
        {source === 'bicep' && opened.others.length > 0 && (
          <div data-testid="import-files" className="import-params">
            Read with {opened.name}: {opened.others.map((f) => f.name).join(', ')} (its modules, or deployed with it){' '}
            <button type="button" data-testid="import-files-clear" onClick={() => setOpened(NO_FILES)}>
              Read it alone
            </button>
          </div>
        )}
        <textarea
          data-testid="import-text"
          aria-label="Text to import"
          rows={10}
          value={text}
          placeholder="Paste az commands, Bicep, an ARM template or az … -o json output"
          onChange={(e) => setText(e.target.value)}
        />
        {source === 'bicep' && (
          <label className="import-params">
            Bicep parameters (NAME=VALUE, one a line)
            <textarea
              data-testid="import-params"
              rows={2}
              value={paramsText}
              onChange={(e) => setParamsText(e.target.value)}
            />
            {paramErrors.length > 0 && (
              <span role="alert" data-testid="import-params-error">
                {paramErrors.join('; ')}
              </span>
            )}
          </label>
        )}
        {result && !design && (
          <div className="import-error" role="alert" data-testid="import-error">
            Nothing could be read as {SOURCE_LABELS[result.from]}: {result.items[0]?.message ?? 'no resources found'}
          </div>
        )}
      </div>
      {!result && parser.state === 'loading' && (
        <div data-testid="import-loading" role="status">
          Loading the Bicep reader…
        </div>
      )}
      {result && <Report result={result} />}
      {design && <Changes imported={design} current={current} />}
      <div className="import-actions">
        <button
          type="button"
          data-testid="import-replace"
          disabled={!design || busy}
          onClick={() => apply(replaceWith)}
        >
          Replace design
        </button>
        <button type="button" data-testid="import-merge" disabled={!design || busy} onClick={() => apply(mergeWith)}>
          Merge into design
        </button>
        <button type="button" data-testid="import-cancel" onClick={onClose}>
          Cancel
        </button>
      </div>
    </div>
  );
}
