/**
 * One inspector field. The typed text stays as typed (local draft) and is checked on each keystroke; a valid
 * value reaches the design on Enter, blur or a pause (use-commit.ts), so a bad CIDR shows its message here while
 * the last valid design keeps planning.
 */
import { useRef, useState } from 'react';
import type { Design } from '../core/index';
import type { FieldSpec } from './field-specs';
import { formatField, parseField, refOptions } from './field-logic';
import { EditInput } from './EditInput';
import { ListField } from './ListField';
import { useCommit } from './use-commit';

export interface FieldProps {
  spec: FieldSpec;
  value: unknown;
  design: Design;
  osType?: string;
  /** Test id and element id stem for fields inside a list row, e.g. "rules-0". */
  prefix?: string;
  onCommit: (value: unknown) => void;
}

/** The part of test ids after "field-" and "field-error-". */
export function fieldKey(spec: FieldSpec, prefix?: string): string {
  const path = spec.path.replace(/\./g, '-');
  return prefix ? `${prefix}-${path}` : path;
}

function Checklist({
  id,
  options,
  value,
  onCommit,
}: {
  id: string;
  options: { id: string; name: string }[];
  value: unknown;
  onCommit: (v: unknown) => void;
}) {
  const chosen = new Set(Array.isArray(value) ? (value as string[]) : []);
  // Kept in the order of the options, so the stored list does not depend on click order.
  const toggle = (o: string, on: boolean) =>
    onCommit(options.map((x) => x.id).filter((x) => (x === o ? on : chosen.has(x))));
  return (
    <div className="ref-list" id={id} data-testid={id} role="group">
      {options.length === 0 && <span className="muted">none in the design</span>}
      {options.map((o) => (
        <label key={o.id}>
          <input type="checkbox" checked={chosen.has(o.id)} onChange={(e) => toggle(o.id, e.target.checked)} />
          {o.name}
        </label>
      ))}
    </div>
  );
}

function TextField({
  spec,
  value,
  osType,
  id,
  invalid,
  onCommit,
  onError,
}: FieldProps & { id: string; invalid: boolean; onError: (m: string | null) => void }) {
  const [draft, setDraft] = useState(formatField(value));
  // When the value changes from outside (undo, a fix, another field), show it; a value this field just
  // committed leaves the typed text alone.
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    const mine = parseField(spec, draft, osType);
    if (!(mine.ok && formatField(mine.value) === formatField(value))) {
      setDraft(formatField(value));
      onError(null);
    }
  }
  const commit = useCommit(onCommit);
  // The value when the field got focus: what Escape restores.
  const before = useRef(value);
  const parse = (text: string) => parseField(spec, text, osType);
  const differs = (v: unknown) => formatField(v) !== formatField(value);
  const change = (text: string) => {
    setDraft(text);
    const r = parse(text);
    onError(r.ok ? null : r.message);
    if (r.ok && differs(r.value)) commit.later(r.value);
    else commit.drop();
  };
  const complete = () => {
    const r = parse(draft);
    if (r.ok && differs(r.value)) commit.now(r.value);
    else commit.drop();
  };
  return (
    <EditInput
      id={id}
      text={draft}
      commit={commit}
      invalid={invalid}
      describedBy={invalid ? `${id}-error` : undefined}
      onText={change}
      onComplete={complete}
      onRevert={() => {
        // Back to the value before this edit, in the field (the design is back already).
        setDraft(formatField(before.current));
        onError(null);
      }}
      onStart={() => {
        before.current = value;
      }}
    />
  );
}

export function Field(props: FieldProps) {
  const { spec, value, design, onCommit } = props;
  const [error, setError] = useState<string | null>(null);
  const key = fieldKey(spec, props.prefix);
  const id = `field-${key}`;
  if (spec.type === 'cidr-list' || spec.type === 'ip-list') return <ListField {...props} id={id} errorKey={key} />;
  let input: React.ReactNode;
  if (spec.type === 'bool') {
    input = (
      <input
        id={id}
        data-testid={id}
        type="checkbox"
        checked={value === true}
        onChange={(e) => onCommit(e.target.checked)}
      />
    );
  } else if (spec.type === 'select' || spec.type === 'ref') {
    const options =
      spec.type === 'ref'
        ? refOptions(design, spec.ref!)
        : spec.options!.filter((o) => o !== '').map((o) => ({ id: o, name: o }));
    const known = value === undefined || options.some((o) => o.id === value);
    input = (
      <select
        id={id}
        data-testid={id}
        value={String(value ?? '')}
        onChange={(e) => onCommit(e.target.value === '' ? undefined : e.target.value)}
      >
        {spec.optional && <option value="">(none)</option>}
        {!known && <option value={String(value)}>{String(value)} (missing)</option>}
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    );
  } else if (spec.type === 'ref-list' || spec.type === 'multi') {
    const options =
      spec.type === 'multi' ? spec.options!.map((o) => ({ id: o, name: o })) : refOptions(design, spec.ref!);
    input = (
      <Checklist
        id={id}
        options={options}
        value={value}
        onCommit={(v) => onCommit(spec.optional && (v as string[]).length === 0 ? undefined : v)}
      />
    );
  } else {
    input = <TextField {...props} id={id} invalid={error !== null} onError={setError} />;
  }
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{spec.label}</label>
      {input}
      {spec.hint && <div className="field-hint">{spec.hint}</div>}
      {error && (
        <div className="field-error" role="alert" id={`${id}-error`} data-testid={`field-error-${key}`}>
          {error}
        </div>
      )}
    </div>
  );
}
