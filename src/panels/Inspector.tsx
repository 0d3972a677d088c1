/** The inspector: every field of the selected element, validated as typed; design settings when nothing is selected. */
import { kindSpec, type Design, type Id } from '../core/index';
import { deleteElements, findElement, useDesignStore, useSelectedElement, type ElementKind } from '../store';
import { Field } from './Field';
import { FIELDS, LISTS, type FieldSpec } from './field-specs';
import { getPath, isShown, setPath } from './field-logic';
import { InspectorList } from './InspectorList';
import { MigrateSection } from './MigrateSection';
import { AllocateSection } from './AllocateSection';

type El = Record<string, unknown>;

const title = (kind: ElementKind) => kindSpec(kind).title;

function updateElement(id: Id, recipe: (el: El) => void): void {
  useDesignStore.getState().updateDesign((d: Design) => {
    const found = findElement(d, id);
    if (found) recipe(found.element as unknown as El);
  });
}

const NAME_SPEC: FieldSpec = { path: 'name', label: 'Design name', type: 'text' };
const LOCATION_SPEC: FieldSpec = {
  path: 'location',
  label: 'Azure region',
  type: 'text',
  hint: 'e.g. eastus2, westeurope',
};

function DesignSettings() {
  const name = useDesignStore((s) => s.doc.meta.name);
  const design = useDesignStore((s) => s.doc.design);
  return (
    <div className="inspector" data-testid="inspector">
      <h2>Design</h2>
      <Field
        key="meta-name"
        spec={NAME_SPEC}
        value={name}
        design={design}
        onCommit={(v) => useDesignStore.getState().renameDesign(String(v))}
      />
      <Field
        key="location"
        spec={LOCATION_SPEC}
        value={design.location}
        design={design}
        onCommit={(v) => useDesignStore.getState().updateDesign((d) => void (d.location = String(v)))}
      />
      <p className="hint">Select an element on the canvas to edit it. Drag items from the palette to add them.</p>
    </div>
  );
}

export function Inspector() {
  const found = useSelectedElement();
  const design = useDesignStore((s) => s.doc.design);
  if (!found) return <DesignSettings />;
  const el = found.element as unknown as El;
  const id = found.element.id;
  const list = LISTS[found.kind];
  const update = (recipe: (x: El) => void) => updateElement(id, recipe);
  return (
    <div className="inspector" data-testid="inspector" data-kind={found.kind}>
      <h2>
        {title(found.kind)} <span className="muted">{found.element.name}</span>
      </h2>
      {found.parent && <p className="muted inspector-parent">in {found.parent.name}</p>}
      {FIELDS[found.kind]
        .filter((spec) => isShown(spec, el))
        .map((spec) => (
          <Field
            key={`${id}:${spec.path}`}
            spec={spec}
            value={getPath(el, spec.path)}
            design={design}
            osType={el.osType as string | undefined}
            onCommit={(v) => update((x) => setPath(x, spec.path, v))}
          />
        ))}
      {list && <InspectorList key={id} list={list} element={el} design={design} update={update} />}
      {found.kind === 'cluster' && <MigrateSection key={id} clusterId={id} />}
      {found.kind === 'vnet' && <AllocateSection key={id} vnetId={id} />}
      <p className="learn">
        <a href={kindSpec(found.kind).learnUrl} target="_blank" rel="noreferrer">
          {title(found.kind)} settings (Microsoft Learn)
        </a>
      </p>
      <button type="button" className="danger" data-testid="delete-element" onClick={() => deleteElements([id])}>
        Delete {title(found.kind).toLowerCase()}
      </button>
    </div>
  );
}
