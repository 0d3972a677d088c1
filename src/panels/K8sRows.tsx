/**
 * The pieces every list of the Kubernetes tab is built from: edits of one cluster row by id (each one undo step), a
 * text cell checked as typed and written on Enter or when left, a drop-down cell, a Remove button, and the section
 * that lists the rows with its Add button.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { Cluster, Design, Id } from '../core/index';
import { newId, useDesignStore } from '../store';
import type { Parsed } from './k8s-text';
import { plainChoices, Select, type Choice, type SelectProps } from './Select';

/** Edits the cluster inside one store update (one undo step). */
export function editCluster(clusterId: Id, recipe: (c: Cluster, d: Design) => void): void {
  useDesignStore.getState().updateDesign((d) => {
    const c = d.clusters.find((x) => x.id === clusterId);
    if (c) recipe(c, d);
  });
}

/** Edits one row of a cluster list by id: after an undo or a removal the row may sit elsewhere, or be gone. */
export function editRow<T extends { id: Id }>(
  clusterId: Id,
  list: (c: Cluster) => T[] | undefined,
  id: Id,
  recipe: (x: T) => void,
): void {
  editCluster(clusterId, (c) => {
    const row = list(c)?.find((x) => x.id === id);
    if (row) recipe(row);
  });
}

export function removeRow<T extends { id: Id }>(clusterId: Id, list: (c: Cluster) => T[] | undefined, id: Id): void {
  editCluster(clusterId, (c) => {
    const rows = list(c);
    const at = rows?.findIndex((x) => x.id === id) ?? -1;
    if (rows && at >= 0) rows.splice(at, 1);
  });
}

/** The lists of a cluster's Kubernetes layer, each a section of the tab. */
export type RowList = 'namespaces' | 'workloads' | 'services' | 'networkPolicies';
export type RowOf<L extends RowList> = NonNullable<Cluster[L]>[number];

/** Each list's section: its test ids, heading, Add button, the prefix of a new row's id and a hint, if any. */
const SECTIONS: Record<
  RowList,
  { testId: string; title: string; add: string; addTestId: string; idPrefix: string; hint?: string }
> = {
  namespaces: {
    testId: 'k8s-namespaces',
    title: 'Namespaces',
    add: 'Add namespace',
    addTestId: 'k8s-add-namespace',
    idPrefix: 'ns',
  },
  workloads: {
    testId: 'k8s-workloads',
    title: 'Workloads',
    add: 'Add workload',
    addTestId: 'k8s-add-workload',
    idPrefix: 'wl',
  },
  services: {
    testId: 'k8s-services',
    title: 'Services',
    add: 'Add Service',
    addTestId: 'k8s-add-service',
    idPrefix: 'svc',
  },
  networkPolicies: {
    testId: 'k8s-policies',
    title: 'NetworkPolicies',
    add: 'Add policy',
    addTestId: 'k8s-add-policy',
    idPrefix: 'np',
    hint: 'YAML as kubectl applies it. Ctrl+Enter or leaving the field applies it.',
  },
};

/** The names in a cluster list, for a free name of a new row. */
export const namesIn = (rows: readonly { name: string }[] | undefined): string[] => (rows ?? []).map((r) => r.name);

/** Appends a row with a fresh id to a cluster list, creating the list if need be (one undo step). */
function addRow<L extends RowList>(clusterId: Id, list: L, make: (c: Cluster, id: Id) => RowOf<L>): void {
  const { doc } = useDesignStore.getState();
  const id = newId(doc.design, doc.layout.nodes, SECTIONS[list].idPrefix);
  editCluster(clusterId, (c) => {
    const row = make(c, id);
    ((c[list] ??= []) as RowOf<L>[]).push(row);
  });
}

/** A list of the tab: its heading, the hint if any, a `Row` per entry, then the Add button that appends `make`'s row. */
export function K8sList<L extends RowList>(props: {
  cluster: Cluster;
  list: L;
  make: (c: Cluster, id: Id) => RowOf<L>;
  Row: (props: { cluster: Cluster; row: RowOf<L>; i: number }) => ReactNode;
}) {
  const section = SECTIONS[props.list];
  const rows = (props.cluster[props.list] ?? []) as readonly RowOf<L>[];
  return (
    <section className="k8s-section" data-testid={section.testId}>
      <h3>{section.title}</h3>
      {section.hint && <p className="hint">{section.hint}</p>}
      {rows.map((row, i) => (
        <props.Row key={row.id} cluster={props.cluster} row={row} i={i} />
      ))}
      <button
        type="button"
        data-testid={section.addTestId}
        onClick={() => addRow(props.cluster.id, props.list, props.make)}
      >
        {section.add}
      </button>
    </section>
  );
}

export function TextCell<T>(props: {
  value: string;
  label: string;
  testId: string;
  parse: (text: string) => Parsed<T>;
  onCommit: (value: T) => void;
  placeholder?: string;
}) {
  const [text, setText] = useState(props.value);
  const [error, setError] = useState<string | null>(null);
  // The design changed under the field (undo, another field): show what it holds now.
  useEffect(() => setText(props.value), [props.value]);
  const commit = () => {
    if (text === props.value) return setError(null);
    const r = props.parse(text);
    if (!r.ok) return setError(r.error);
    setError(null);
    props.onCommit(r.value);
  };
  return (
    <label className={`k8s-cell${error ? ' field-invalid' : ''}`}>
      <span className="field-label">{props.label}</span>
      <input
        type="text"
        value={text}
        placeholder={props.placeholder}
        data-testid={props.testId}
        aria-invalid={!!error}
        onChange={(e) => {
          setText(e.target.value);
          const r = props.parse(e.target.value);
          setError(r.ok ? null : r.error);
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          else if (e.key === 'Escape') {
            setText(props.value);
            setError(null);
          }
        }}
      />
      {error && (
        <span className="field-error" data-testid={`${props.testId}-error`} role="alert">
          {error}
        </span>
      )}
    </label>
  );
}

/** One cell of a row kind: its label, test id part, how the row shows it, reads typed text back and writes it. */
export interface TextCellSpec<R> {
  key: string;
  label: string;
  placeholder?: string;
  show: (row: R) => string;
  parse: (text: string) => Parsed<unknown>;
  write: (row: R, value: unknown) => void;
}

/** A cell picked from a fixed list of values. */
export interface ChoiceCellSpec<R> {
  key: string;
  label: string;
  choices: readonly Choice[];
  show: (row: R) => string;
  write: (row: R, value: unknown) => void;
}

export type CellSpec<R> = TextCellSpec<R> | ChoiceCellSpec<R>;

/**
 * The cell builders of one row kind. A cell shows the field `key` of the row and writes the value to the same field:
 * a text cell as `format` writes it, read back with `parse`; a choice cell as one of `values`.
 */
export function cellsOf<R>() {
  const write =
    <K extends keyof R>(key: K) =>
    (row: R, value: unknown) =>
      void (row[key] = value as R[K]);
  return {
    text: <K extends keyof R & string>(
      key: K,
      label: string,
      parse: (text: string) => Parsed<R[K]>,
      format: (value: R[K]) => string,
      placeholder?: string,
    ): CellSpec<R> => ({ key, label, placeholder, show: (row) => format(row[key]), parse, write: write(key) }),
    choice: <K extends keyof R & string>(key: K, label: string, values: readonly (R[K] & string)[]): CellSpec<R> => ({
      key,
      label,
      choices: plainChoices(values),
      show: (row) => String(row[key]),
      write: write(key),
    }),
  };
}

/** The cells of one row, test ids `<stem>-<key>-<i>`; `set` writes a change to the row. */
export function Cells<R>(props: {
  cells: readonly CellSpec<R>[];
  row: R;
  stem: string;
  i: number;
  set: (recipe: (x: R) => void) => void;
}) {
  return props.cells.map((c) => {
    const shown = { label: c.label, testId: `${props.stem}-${c.key}-${props.i}`, value: c.show(props.row) };
    const onCommit = (v: unknown) => props.set((x) => c.write(x, v));
    return 'choices' in c ? (
      <SelectCell key={c.key} {...shown} choices={c.choices} onChange={onCommit} />
    ) : (
      <TextCell key={c.key} {...shown} placeholder={c.placeholder} parse={c.parse} onCommit={onCommit} />
    );
  });
}

export function SelectCell({ label, ...select }: SelectProps & { label: string }) {
  return (
    <label className="k8s-cell">
      <span className="field-label">{label}</span>
      <Select {...select} />
    </label>
  );
}

export function RemoveButton(props: { testId?: string; title?: string; onClick: () => void }) {
  return (
    <button type="button" className="link" data-testid={props.testId} title={props.title} onClick={props.onClick}>
      Remove
    </button>
  );
}
