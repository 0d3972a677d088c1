/** The inspector: every field of the selected element, validated as typed; design settings when nothing is selected. */
import type { Design, Id } from '../core/model';
import { findElement, removeElement, useDesignStore, useSelectedElement } from '../store';
import { Field } from './Field';
import { FIELDS, LISTS, type FieldSpec } from './field-specs';
import { getPath, setPath } from './field-logic';
import { newId } from '../store';

const LEARN: Record<string, string> = {
  vnet: 'https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq',
  subnet: 'https://learn.microsoft.com/azure/virtual-network/virtual-network-manage-subnet',
  peering: 'https://learn.microsoft.com/azure/virtual-network/virtual-network-peering-overview',
  onprem: 'https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-about-vpngateways',
  cluster: 'https://learn.microsoft.com/azure/aks/concepts-network',
  pool: 'https://learn.microsoft.com/azure/aks/create-node-pools',
  loadBalancer: 'https://learn.microsoft.com/azure/aks/internal-lb',
  appGateway: 'https://learn.microsoft.com/azure/application-gateway/configuration-infrastructure',
  firewall: 'https://learn.microsoft.com/azure/aks/limit-egress-traffic',
  natGateway: 'https://learn.microsoft.com/azure/aks/nat-gateway',
  publicIp: 'https://learn.microsoft.com/azure/virtual-network/ip-services/public-ip-addresses',
  routeTable: 'https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview',
  nsg: 'https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview',
  privateEndpoint: 'https://learn.microsoft.com/azure/private-link/private-endpoint-overview',
  bastion: 'https://learn.microsoft.com/azure/bastion/configuration-settings',
};

function update(id: Id, recipe: (el: Record<string, unknown>) => void): void {
  useDesignStore.getState().updateDesign((d: Design) => {
    const found = findElement(d, id);
    if (found) recipe(found.element as unknown as Record<string, unknown>);
  });
}

function DesignSettings() {
  const meta = useDesignStore((s) => s.doc.meta);
  const location = useDesignStore((s) => s.doc.design.location);
  const design = useDesignStore((s) => s.doc.design);
  const nameSpec: FieldSpec = { path: 'name', label: 'Design name', type: 'text' };
  const locSpec: FieldSpec = { path: 'location', label: 'Azure region', type: 'text' };
  return (
    <div className="inspector" data-testid="inspector">
      <h2>Design</h2>
      <Field key="meta-name" spec={nameSpec} value={meta.name} design={design} onCommit={(v) => useDesignStore.getState().renameDesign(String(v))} />
      <Field key="location" spec={locSpec} value={location} design={design} onCommit={(v) => useDesignStore.getState().updateDesign((d) => void (d.location = String(v)))} />
      <p className="hint">Select an element on the canvas to edit it. Drag items from the palette to add them.</p>
    </div>
  );
}

export function Inspector() {
  const found = useSelectedElement();
  const design = useDesignStore((s) => s.doc.design);
  if (!found) return <DesignSettings />;
  const el = found.element as unknown as Record<string, unknown>;
  const id = found.element.id;
  const list = LISTS[found.kind];
  const rows = list ? ((el[list.path] as Record<string, unknown>[] | undefined) ?? []) : [];
  return (
    <div className="inspector" data-testid="inspector">
      <h2>
        {found.kind} <span className="muted">{found.element.name}</span>
      </h2>
      {FIELDS[found.kind].map((spec) => (
        <Field key={`${id}:${spec.path}`} spec={spec} value={getPath(el, spec.path)} design={design} osType={el.osType as string | undefined} onCommit={(v) => update(id, (x) => setPath(x, spec.path, v))} />
      ))}
      {list && (
        <section className="inspector-list">
          <h3>{list.label}</h3>
          {rows.map((row, i) => (
            <fieldset key={String(row.id)} className="inspector-row">
              <legend>{String(row.name ?? i + 1)}</legend>
              {list.fields.map((spec) => (
                <Field key={`${String(row.id)}:${spec.path}`} spec={spec} value={getPath(row, spec.path)} design={design} onCommit={(v) => update(id, (x) => setPath((x[list.path] as Record<string, unknown>[])[i]!, spec.path, v))} />
              ))}
              <button type="button" onClick={() => update(id, (x) => void (x[list.path] = (x[list.path] as unknown[]).filter((_, j) => j !== i)))}>Remove</button>
            </fieldset>
          ))}
          <button
            type="button"
            onClick={() => {
              const s = useDesignStore.getState();
              const rowId = newId(s.doc.design, s.doc.layout.nodes, list.path.replace(/s$/, ''));
              update(id, (x) => void (x[list.path] = [...((x[list.path] as unknown[]) ?? []), { id: rowId, ...list.make() }]));
            }}
          >
            Add {list.label.toLowerCase().replace(/s( \(.*)?$/, '')}
          </button>
        </section>
      )}
      <p className="learn">
        <a href={LEARN[found.kind]} target="_blank" rel="noreferrer">About this resource (Microsoft Learn)</a>
      </p>
      <button type="button" className="danger" data-testid="delete-element" onClick={() => useDesignStore.getState().updateDesign((d) => removeElement(d, id))}>
        Delete {found.kind}
      </button>
    </div>
  );
}
