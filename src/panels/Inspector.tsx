/** The inspector: every field of the selected element, validated as typed; design settings when nothing is selected. */
import type { Design, Id } from '../core/index';
import { findElement, removeElement, useDesignStore, useSelectedElement, type ElementKind } from '../store';
import { Field } from './Field';
import { FIELDS, LISTS, type FieldSpec } from './field-specs';
import { getPath, isShown, setPath } from './field-logic';
import { InspectorList } from './InspectorList';

type El = Record<string, unknown>;

const TITLES: Record<ElementKind, string> = {
  vnet: 'Virtual network',
  subnet: 'Subnet',
  peering: 'VNet peering',
  onprem: 'On-premises site',
  cluster: 'AKS cluster',
  pool: 'Node pool',
  loadBalancer: 'Load balancer',
  appGateway: 'Application Gateway',
  firewall: 'Azure Firewall',
  natGateway: 'NAT gateway',
  publicIp: 'Public IP',
  routeTable: 'Route table',
  nsg: 'Network security group',
  privateEndpoint: 'Private endpoint',
  bastion: 'Azure Bastion',
};

/** Microsoft Learn page of each kind's settings. */
export const LEARN: Record<ElementKind, string> = {
  vnet: 'https://learn.microsoft.com/azure/virtual-network/manage-virtual-network',
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
        {TITLES[found.kind]} <span className="muted">{found.element.name}</span>
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
      <p className="learn">
        <a href={LEARN[found.kind]} target="_blank" rel="noreferrer">
          {TITLES[found.kind]} settings (Microsoft Learn)
        </a>
      </p>
      <button
        type="button"
        className="danger"
        data-testid="delete-element"
        onClick={() => useDesignStore.getState().updateDesign((d) => removeElement(d, id))}
      >
        Delete {TITLES[found.kind].toLowerCase()}
      </button>
    </div>
  );
}
