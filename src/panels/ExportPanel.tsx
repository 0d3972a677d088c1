/** Exports: pick a format, read it, copy it or download it. The text is generated from the current plan. */
import { useMemo, useState } from 'react';
import { EXPORT_FORMATS, exportAs, type ExportFormatId } from '../export';
import { useDesignStore, usePlan } from '../store';
import { downloadText } from './download';

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

export function ExportPanel() {
  const [format, setFormat] = useState<ExportFormatId>('az');
  // What was last copied, so the state resets by itself when the text changes.
  const [copied, setCopied] = useState<{ text: string; ok: boolean } | null>(null);
  const design = useDesignStore((s) => s.doc.design);
  const plan = usePlan();
  const spec = EXPORT_FORMATS.find((f) => f.id === format)!;
  const text = useMemo(() => exportAs(format, design, plan), [format, design, plan]);
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
        <button type="button" data-testid="export-copy" onClick={onCopy}>
          {copy === 'copied' ? 'Copied' : 'Copy'}
        </button>
        <button
          type="button"
          data-testid="export-download"
          onClick={() => downloadText(spec.filename, text, spec.mime)}
        >
          Download {spec.filename}
        </button>
      </div>
      {copy === 'failed' && (
        <p className="field-error" role="alert">
          The clipboard is not available here: select the text and copy it, or download the file.
        </p>
      )}
      <p className="muted export-size">{lines.toLocaleString('en-US')} lines</p>
      <pre data-testid="export-text" tabIndex={0}>
        {text}
      </pre>
      <p className="learn">
        <a href={LEARN[format].url} target="_blank" rel="noreferrer">
          {LEARN[format].title} (Microsoft Learn)
        </a>
      </p>
    </div>
  );
}
