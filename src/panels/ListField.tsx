/**
 * A list of ranges (VNet address spaces, on-prem prefixes, authorized IP ranges): one input per range with Add
 * and Remove. Every row is checked as typed; the design gets the list only when all rows are valid.
 */
import { useState } from 'react';
import { checkCidr } from '../core/index';
import type { FieldProps } from './Field';
import { validateRows } from './field-logic';

const asRows = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

export function ListField({ spec, value, onCommit, id, errorKey }: FieldProps & { id: string; errorKey: string }) {
  const [rows, setRows] = useState<string[]>(() => asRows(value));
  const [seen, setSeen] = useState(value);
  const required = !spec.optional;
  const checked = validateRows(rows, checkCidr, required);
  if (seen !== value) {
    // Changed from outside (undo, another edit): show the design's list unless it is what these rows say.
    setSeen(value);
    if (JSON.stringify(checked.value) !== JSON.stringify(asRows(value))) setRows(asRows(value));
  }
  const change = (next: string[]) => {
    setRows(next);
    const r = validateRows(next, checkCidr, required);
    if (r.value && JSON.stringify(r.value) !== JSON.stringify(asRows(value)))
      onCommit(r.value.length || required ? r.value : undefined);
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
            <input
              id={rowId}
              data-testid={rowId}
              type="text"
              value={row}
              spellCheck={false}
              aria-label={`${spec.label} ${i + 1}`}
              aria-invalid={!!error}
              onChange={(e) => change(rows.map((r, j) => (j === i ? e.target.value : r)))}
            />
            <button
              type="button"
              data-testid={`remove-${errorKey}-${i}`}
              aria-label={`Remove ${row || `row ${i + 1}`}`}
              disabled={required && rows.length === 1}
              onClick={() => change(rows.filter((_, j) => j !== i))}
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
