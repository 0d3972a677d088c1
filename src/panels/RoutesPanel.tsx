/** Effective routes of the selected subnet (or of a node pool's node subnet), as Azure would select them. */
import { useMemo } from 'react';
import { effectiveRoutes } from '../core/index';
import { findElement, useDesignStore, usePlan, useSelectedElement } from '../store';
import { TableHead } from './TableHead';

const UDR_URL =
  'https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview#how-azure-selects-a-route';

export function RoutesPanel() {
  const found = useSelectedElement();
  const design = useDesignStore((s) => s.doc.design);
  const plan = usePlan();
  const subnetId =
    found?.kind === 'subnet' ? found.element.id : found?.kind === 'pool' ? found.element.nodeSubnetId : null;
  const routes = useMemo(() => (subnetId ? effectiveRoutes(design, subnetId, plan) : []), [design, subnetId, plan]);
  if (!subnetId) return <p className="hint">Select a subnet or node pool to see its effective routes.</p>;
  const subnet = findElement(design, subnetId);
  const rtId = subnet?.kind === 'subnet' ? subnet.element.routeTableId : undefined;
  const rt = rtId ? design.routeTables.find((r) => r.id === rtId) : undefined;
  return (
    <div data-testid="routes-panel">
      <h3>
        {subnet?.element.name ?? subnetId}{' '}
        <span className="muted">{rt ? `route table ${rt.name}` : 'no route table'}</span>
      </h3>
      <table className="routes">
        <TableHead columns={['Source', 'State', 'Prefix', 'Next hop', 'Why']} />
        <tbody>
          {routes.map((r, i) => (
            <tr
              key={i}
              className={r.state === 'Invalid' ? 'route-invalid' : ''}
              data-testid="route-row"
              data-prefix={r.prefix}
              data-state={r.state}
            >
              <td>{r.source}</td>
              <td>{r.state}</td>
              <td>{r.prefix}</td>
              <td>
                {r.nextHopType}
                {r.nextHopIp ? ` ${r.nextHopIp}` : ''}
              </td>
              <td className="muted">{r.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="learn">
        <a href={UDR_URL} target="_blank" rel="noreferrer">
          How Azure selects a route (Microsoft Learn)
        </a>
      </p>
    </div>
  );
}
