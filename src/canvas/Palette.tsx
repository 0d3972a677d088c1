/** The palette: every kind the design format holds. Drag an item onto the canvas (or click to add it). */
export const PALETTE: { kind: string; label: string; hint: string }[] = [
  { kind: 'vnet', label: 'Virtual network', hint: 'drop anywhere' },
  { kind: 'subnet', label: 'Subnet', hint: 'drop on a VNet' },
  { kind: 'node-subnet', label: 'AKS node subnet', hint: 'drop on a VNet' },
  { kind: 'cluster', label: 'AKS cluster', hint: 'drop anywhere' },
  { kind: 'pool', label: 'Node pool', hint: 'drop on a subnet' },
  { kind: 'peering', label: 'Peering', hint: 'connect two VNets' },
  { kind: 'onprem', label: 'On-premises site', hint: 'drop on the hub VNet' },
  { kind: 'internal-lb', label: 'Internal load balancer', hint: 'drop on a subnet' },
  { kind: 'public-lb', label: 'Public load balancer', hint: 'drop anywhere' },
  { kind: 'app-gateway', label: 'Application Gateway', hint: 'drop on a VNet' },
  { kind: 'firewall', label: 'Azure Firewall', hint: 'drop on a VNet' },
  { kind: 'nat-gateway', label: 'NAT gateway', hint: 'drop on a subnet' },
  { kind: 'public-ip', label: 'Public IP', hint: 'drop anywhere' },
  { kind: 'route-table', label: 'Route table', hint: 'drop on a subnet' },
  { kind: 'nsg', label: 'NSG', hint: 'drop on a subnet' },
  { kind: 'private-endpoint', label: 'Private endpoint', hint: 'drop on a subnet' },
  { kind: 'bastion', label: 'Bastion', hint: 'drop on a VNet' },
];

export const DRAG_TYPE = 'application/x-aksnet-kind';

export function Palette({ onAdd }: { onAdd: (kind: string) => void }) {
  return (
    <aside className="palette" aria-label="Palette">
      <h2>Add</h2>
      {PALETTE.map((p) => (
        <button
          key={p.kind}
          type="button"
          className="palette-item"
          data-testid={`palette-${p.kind}`}
          draggable
          title={p.hint}
          onDragStart={(e) => {
            e.dataTransfer.setData(DRAG_TYPE, p.kind);
            e.dataTransfer.effectAllowed = 'copy';
          }}
          onClick={() => onAdd(p.kind)}
        >
          {p.label}
          <small>{p.hint}</small>
        </button>
      ))}
    </aside>
  );
}
