/** The rows of a list inside the selected element: routes, NSG rules, LB frontends, firewall DNAT rules. */
import type { Design, Id } from '../core/index';
import { newId, useDesignStore } from '../store';
import { Field } from './Field';
import type { ListSpec } from './field-specs';
import { getPath, isShown, setPath } from './field-logic';
import { addRow, keyOfRow, removeRow } from './list-logic';

type El = Record<string, unknown>;

interface Props {
  list: ListSpec;
  element: El;
  design: Design;
  update: (recipe: (el: El) => void) => void;
}

export function InspectorList({ list, element, design, update }: Props) {
  const rows = Array.isArray(element[list.path]) ? (element[list.path] as El[]) : [];
  const owner = String(element.id);
  const add = () => {
    const s = useDesignStore.getState();
    const rowId: Id = newId(s.doc.design, s.doc.layout.nodes, list.item.replace(/\W+/g, '-').toLowerCase());
    update((el) => addRow(el, list, rowId));
  };
  return (
    <section className="inspector-list" data-testid={`list-${list.path}`}>
      <h3>
        {list.label} <span className="muted">({rows.length})</span>
      </h3>
      {rows.map((row, i) => (
        <fieldset key={`${owner}:${keyOfRow(row, i)}`} className="inspector-row">
          <legend>{String(row.name ?? i + 1)}</legend>
          {list.fields
            .filter((spec) => isShown(spec, row, element))
            .map((spec) => (
              <Field
                key={spec.path}
                spec={spec}
                prefix={`${list.path}-${i}`}
                value={getPath(row, spec.path)}
                design={design}
                onCommit={(v) => update((el) => setPath((el[list.path] as El[])[i]!, spec.path, v))}
              />
            ))}
          <button
            type="button"
            data-testid={`remove-${list.path}-${i}`}
            onClick={() => update((el) => removeRow(el, list, i))}
          >
            Remove {list.item}
          </button>
        </fieldset>
      ))}
      <button type="button" data-testid={`add-${list.path}`} onClick={add}>
        Add {list.item}
      </button>
    </section>
  );
}
