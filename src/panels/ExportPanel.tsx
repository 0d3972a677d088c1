/**
 * Exports: pick a format, read it, copy it or download it. The text is generated from the current plan. A
 * deployable format is held back, like `aksnet export`, while the design has findings Azure would reject: the
 * panel lists them and exports only after an explicit "Export anyway".
 */
import { useMemo, useState } from 'react';
import type { Finding } from '../core/index';
import { blockingFindings, EXPORT_FORMATS, exportAs, exportFileName, type ExportFormatId } from '../export';
import { downloadText, useDesignStore, usePlan } from '../store';

/** Microsoft Learn reference of what each format deploys or describes. */
const LEARN: Record<ExportFormatId, { url: string; title: string }> = {
  az: { url: 'https://learn.microsoft.com/cli/azure/aks#az-aks-create', title: 'az aks create reference' },
  bicep: {
    url: 'https://learn.microsoft.com/azure/templates/microsoft.containerservice/managedclusters',
    title: 'Microsoft.ContainerService/managedClusters template reference',
  },
  k8s: { url: 'https://learn.microsoft.com/azure/aks/internal-lb', title: 'Internal load balancer Services on AKS' },
  md: {
    url: 'https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning',
    title: 'IP address planning for AKS',
  },
  csv: {
    url: 'https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning',
    title: 'IP address planning for AKS',
  },
};

/** The findings an override was given for: a new or changed one asks again. */
const gateKey = (format: ExportFormatId, blocking: Finding[]) =>
  [format, ...blocking.map((f) => `${f.rule} ${f.subjectId} ${f.message}`)].join('\n');

function Gate({ label, blocking, onOverride }: { label: string; blocking: Finding[]; onOverride: () => void }) {
  return (
    <div className="export-gate" data-testid="export-gate" role="alert">
      <p>
        Azure would reject the {blocking.length} item(s) below, so <code>aksnet export</code> refuses to export {label}.
        Fix them in the Findings tab, or export anyway.
      </p>
      <ul>
        {blocking.map((f, i) => (
          <li key={i} data-testid="export-blocking-finding" data-rule={f.rule} data-subject={f.subjectId}>
            <strong>{f.rule}</strong>: {f.message}
          </li>
        ))}
      </ul>
      <button type="button" data-testid="export-anyway" onClick={onOverride}>
        Export anyway
      </button>
    </div>
  );
}

export function ExportPanel() {
  const [format, setFormat] = useState<ExportFormatId>('az');
  // What was last copied, so the state resets by itself when the text changes.
  const [copied, setCopied] = useState<{ text: string; ok: boolean } | null>(null);
  const [override, setOverride] = useState<string | null>(null);
  const design = useDesignStore((s) => s.doc.design);
  const designName = useDesignStore((s) => s.doc.meta.name);
  const plan = usePlan();
  const spec = EXPORT_FORMATS.find((f) => f.id === format)!;
  const blocking = useMemo(() => (spec.deployable ? blockingFindings(plan) : []), [spec, plan]);
  const key = gateKey(format, blocking);
  const held = blocking.length > 0 && override !== key;
  const text = useMemo(() => (held ? '' : exportAs(format, design, plan)), [held, format, design, plan]);
  const fileName = exportFileName(format, designName);
  const copy = copied?.text === text ? (copied.ok ? 'copied' : 'failed') : 'idle';
  const onCopy = () => {
    const done = navigator.clipboard ? navigator.clipboard.writeText(text) : Promise.reject(new Error('no clipboard'));
    done.then(
      () => setCopied({ text, ok: true }),
      () => setCopied({ text, ok: false }),
    );
  };
  const lines = text === '' ? 0 : text.split('\n').length;
  return (
    <div className="export" data-testid="export-panel">
      <div className="export-bar">
        <label className="visually-hidden" htmlFor="export-format">
          Format
        </label>
        <select
          id="export-format"
          data-testid="export-format"
          value={format}
          onChange={(e) => setFormat(e.target.value as ExportFormatId)}
        >
          {EXPORT_FORMATS.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
            </option>
          ))}
        </select>
        <button type="button" data-testid="export-copy" onClick={onCopy} disabled={held}>
          {copy === 'copied' ? 'Copied' : 'Copy'}
        </button>
        <button
          type="button"
          data-testid="export-download"
          disabled={held}
          onClick={() => downloadText(fileName, text, spec.mime)}
        >
          Download {fileName}
        </button>
      </div>
      {held && <Gate label={spec.label} blocking={blocking} onOverride={() => setOverride(key)} />}
      {copy === 'failed' && (
        <p className="field-error" role="alert">
          The clipboard is not available here: select the text and copy it, or download the file.
        </p>
      )}
      {!held && (
        <>
          {blocking.length > 0 && (
            <p className="field-error" data-testid="export-overridden">
              Exported despite {blocking.length} finding(s) Azure would reject.
            </p>
          )}
          <p className="muted export-size">{lines.toLocaleString('en-US')} lines</p>
          <pre data-testid="export-text" tabIndex={0}>
            {text}
          </pre>
        </>
      )}
      <p className="learn">
        <a href={LEARN[format].url} target="_blank" rel="noreferrer">
          {LEARN[format].title} (Microsoft Learn)
        </a>
      </p>
    </div>
  );
}
