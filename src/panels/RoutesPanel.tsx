/** Effective routes of the selected subnet (or of a node pool's subnet). */
import { effectiveRoutes } from '../core/routes/effective-routes';
import { useDesignStore, usePlan, useSelectedElement } from '../store';

export function RoutesPanel() {
  const found = useSelectedElement();
  const design = useDesignStore((s) => s.doc.design);
  const plan = usePlan();
  const subnetId = found?.kind === 'subnet' ? found.element.id : found?.kind === 'pool' ? (found.element as unknown as { nodeSubnetId: string }).nodeSubnetId : null;
  if (!subnetId) return <p className="hint">Select a subnet or node pool to see its effective routes.</p>;
  const routes = effectiveRoutes(design, subnetId, plan);
  return (
    <div data-testid="routes-panel">
      <table>
        <thead><tr><th>Source</th><th>State</th><th>Prefix</th><th>Next hop</th><th>Why</th></tr></thead>
        <tbody>
          {routes.map((r, i) => (
            <tr key={i} className={r.state === 'Invalid' ? 'muted' : ''}>
              <td>{r.source}</td><td>{r.state}</td><td>{r.prefix}</td><td>{r.nextHopType}{r.nextHopIp ? ` ${r.nextHopIp}` : ''}</td><td>{r.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="learn"><a href="https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview" target="_blank" rel="noreferrer">How Azure selects a route (Microsoft Learn)</a></p>
    </div>
  );
}
