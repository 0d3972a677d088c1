/**
 * One inspector field. The typed text stays as typed (local draft); only a valid value reaches the design, so
 * a bad CIDR shows its message here while the last valid design keeps planning.
 */
import { useState } from 'react';
import type { Design } from '../core/model';
import type { FieldSpec } from './field-specs';
import { formatField, parseField } from './field-logic';

interface Props {
  spec: FieldSpec;
  value: unknown;
  design: Design;
  osType?: string;
  onCommit: (value: unknown) => void;
}

function refOptions(design: Design, ref: NonNullable<FieldSpec['ref']>): { id: string; name: string }[] {
  if (ref === 'subnets') return design.vnets.flatMap((v) => v.subnets.map((s) => ({ id: s.id, name: `${v.name} / ${s.name}` })));
  return design[ref];
}

export function Field({ spec, value, design, osType, onCommit }: Props) {
  const [draft, setDraft] = useState(formatField(spec, value));
  const [error, setError] = useState<string | null>(null);
  // When the value changes from outside (undo, a fix, another field), show it; a value this field just
  // committed leaves the typed text alone.
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    const mine = parseField(spec, draft, osType);
    if (!(mine.ok && formatField(spec, mine.value) === formatField(spec, value))) {
      setDraft(formatField(spec, value));
      setError(null);
    }
  }
  const id = `field-${spec.path.replace(/\./g, '-')}`;
  const change = (text: string) => {
    setDraft(text);
    const r = parseField(spec, text, osType);
    setError(r.ok ? null : r.message);
    if (r.ok) onCommit(r.value);
  };
  let input: React.ReactNode;
  if (spec.type === 'bool') {
    input = <input id={id} data-testid={id} type="checkbox" checked={value === true} onChange={(e) => onCommit(e.target.checked)} />;
  } else if (spec.type === 'select') {
    input = (
      <select id={id} data-testid={id} value={String(value ?? '')} onChange={(e) => onCommit(e.target.value === '' ? undefined : e.target.value)}>
        {spec.options!.map((o) => <option key={o} value={o}>{o === '' ? '(none)' : o}</option>)}
      </select>
    );
  } else if (spec.type === 'ref') {
    input = (
      <select id={id} data-testid={id} value={String(value ?? '')} onChange={(e) => onCommit(e.target.value === '' ? undefined : e.target.value)}>
        {spec.optional && <option value="">(none)</option>}
        {refOptions(design, spec.ref!).map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
      </select>
    );
  } else if (spec.type === 'ref-list') {
    const chosen = new Set(Array.isArray(value) ? (value as string[]) : []);
    input = (
      <div className="ref-list" id={id} data-testid={id}>
        {refOptions(design, spec.ref!).map((o) => (
          <label key={o.id}>
            <input type="checkbox" checked={chosen.has(o.id)} onChange={(e) => onCommit(e.target.checked ? [...chosen, o.id] : [...chosen].filter((x) => x !== o.id))} />
            {o.name}
          </label>
        ))}
      </div>
    );
  } else if (spec.type === 'cidr-list') {
    input = <textarea id={id} data-testid={id} rows={3} value={draft} aria-invalid={!!error} onChange={(e) => change(e.target.value)} />;
  } else {
    input = <input id={id} data-testid={id} type="text" value={draft} aria-invalid={!!error} onChange={(e) => change(e.target.value)} />;
  }
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{spec.label}</label>
      {input}
      {error && (
        <div className="field-error" role="alert" data-testid={`field-error-${spec.path.replace(/\./g, '-')}`}>
          {error}
        </div>
      )}
    </div>
  );
}
