/**
 * A list of ranges (VNet address spaces, on-prem prefixes, authorized IP ranges): one input per range with Add
 * and Remove. Every row is checked as typed; the design gets the list only when all rows are valid, on Enter,
 * blur or a pause (use-commit.ts); Remove writes at once. Escape restores the design's list.
 */
import { useState } from 'react';
import { checkCidr, checkIp } from '../core/index';
import { EditInput } from './EditInput';
import type { FieldProps } from './Field';
import { validateRows } from './field-logic';
import { useCommit } from './use-commit';

const asRows = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

export function ListField({ spec, value, onCommit, id, errorKey }: FieldProps & { id: string; errorKey: string }) {
  const [rows, setRows] = useState<string[]>(() => asRows(value));
  const [seen, setSeen] = useState(value);
  const required = !spec.optional;
  const check = spec.type === 'ip-list' ? checkIp : checkCidr;
  const checked = validateRows(rows, check, required);
  if (seen !== value) {
    // Changed from outside (undo, another edit): show the design's list unless it is what these rows say.
    setSeen(value);
    if (JSON.stringify(checked.value) !== JSON.stringify(asRows(value))) setRows(asRows(value));
  }
  const commit = useCommit<string[]>((v) => onCommit(v.length || required ? v : undefined));
  const [before, setBefore] = useState<string[]>(() => asRows(value));
  /** The list to write for these rows, or null when a row is invalid or nothing changed. */
  const toWrite = (next: string[]) => {
    const r = validateRows(next, check, required);
    return r.value && JSON.stringify(r.value) !== JSON.stringify(asRows(value)) ? r.value : null;
  };
  const change = (next: string[], at: 'later' | 'now' = 'later') => {
    setRows(next);
    const v = toWrite(next);
    if (!v) commit.drop();
    else if (at === 'now') commit.now(v);
    else commit.later(v);
  };
  const complete = () => {
    const v = toWrite(rows);
    if (v) commit.now(v);
  };
  const listError = rows.length === 0 ? checked.errors[0] : undefined;
  return (
    <div className="field field-list" role="group" aria-labelledby={`${id}-label`}>
      <span className="field-label" id={`${id}-label`}>
        {spec.label}
      </span>
      {rows.map((row, i) => {
        const error = checked.errors[i];
        const rowId = `${id}-${i}`;
        return (
          <div key={i} className={error ? 'list-row field-invalid' : 'list-row'}>
            <EditInput
              id={rowId}
              text={row}
              commit={commit}
              label={`${spec.label} ${i + 1}`}
              invalid={!!error}
              onText={(text) => change(rows.map((r, j) => (j === i ? text : r)))}
              onComplete={complete}
              onRevert={() => setRows(before)}
              onStart={() => setBefore(asRows(value))}
            />
            <button
              type="button"
              data-testid={`remove-${errorKey}-${i}`}
              aria-label={`Remove ${row || `row ${i + 1}`}`}
              disabled={required && rows.length === 1}
              onClick={() =>
                change(
                  rows.filter((_, j) => j !== i),
                  'now',
                )
              }
            >
              ×
            </button>
            {error && (
              <div className="field-error" role="alert" data-testid={`field-error-${errorKey}-${i}`}>
                {error}
              </div>
            )}
          </div>
        );
      })}
      {listError && (
        <div className="field-error" role="alert" data-testid={`field-error-${errorKey}`}>
          {listError}
        </div>
      )}
      <button type="button" className="list-add" data-testid={`add-${errorKey}`} onClick={() => setRows([...rows, ''])}>
        Add range
      </button>
    </div>
  );
}
