/** Exports: pick a format, read it, copy it or download it. */
import { useMemo, useState } from 'react';
import { EXPORT_FORMATS, exportAs, type ExportFormatId } from '../export';
import { useDesignStore, usePlan } from '../store';

const LEARN: Record<ExportFormatId, string> = {
  az: 'https://learn.microsoft.com/cli/azure/aks#az-aks-create',
  bicep: 'https://learn.microsoft.com/azure/templates/microsoft.containerservice/managedclusters',
  k8s: 'https://learn.microsoft.com/azure/aks/internal-lb',
  md: 'https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning',
  csv: 'https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning',
};

export function download(filename: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ExportPanel() {
  const [format, setFormat] = useState<ExportFormatId>('az');
  const design = useDesignStore((s) => s.doc.design);
  const plan = usePlan();
  const spec = EXPORT_FORMATS.find((f) => f.id === format)!;
  const text = useMemo(() => exportAs(format, design, plan), [format, design, plan]);
  return (
    <div className="export" data-testid="export-panel">
      <div className="export-bar">
        <select data-testid="export-format" value={format} onChange={(e) => setFormat(e.target.value as ExportFormatId)}>
          {EXPORT_FORMATS.map((f) => <option key={f.id} value={f.id}>{f.label}</option>)}
        </select>
        <button type="button" onClick={() => void navigator.clipboard?.writeText(text)}>Copy</button>
        <button type="button" data-testid="export-download" onClick={() => download(spec.filename, text, spec.mime)}>Download {spec.filename}</button>
      </div>
      <pre data-testid="export-text">{text}</pre>
      <p className="learn">
        <a href={LEARN[format]} target="_blank" rel="noreferrer">Reference (Microsoft Learn)</a>
      </p>
    </div>
  );
}
