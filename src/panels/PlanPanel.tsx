/** Address plan: per VNet, each subnet with its numbers and itemised consumption. */
import { useDesignStore, usePlan } from '../store';

const n = (x: number) => x.toLocaleString('en-US');

export function PlanPanel() {
  const design = useDesignStore((s) => s.doc.design);
  const plan = usePlan();
  if (design.vnets.length === 0) return <p className="hint">Add a VNet to see its address plan.</p>;
  return (
    <div className="plan" data-testid="plan-panel">
      {design.vnets.map((v) => (
        <section key={v.id}>
          <h3>{v.name} <span className="muted">{v.addressSpaces.join(', ')}</span></h3>
          <table>
            <thead>
              <tr><th>Subnet</th><th>CIDR</th><th>Total</th><th>Reserved</th><th>Used</th><th>Free</th></tr>
            </thead>
            <tbody>
              {v.subnets.map((s) => {
                const p = plan.subnets[s.id];
                return [
                  <tr key={s.id} className={p && p.free < 0 ? 'over' : ''} onClick={() => useDesignStore.getState().select([s.id])} data-testid={`plan-row-${s.name}`}>
                    <td>{s.name}</td><td>{p?.cidr ?? s.cidr}</td><td>{n(p?.total ?? 0)}</td><td>{p?.reserved ?? 0}</td><td>{n(p?.used ?? 0)}</td><td>{n(p?.free ?? 0)}</td>
                  </tr>,
                  ...(p?.items ?? []).map((i, k) => (
                    <tr key={`${s.id}-${k}`} className="item"><td colSpan={4}>{i.label}</td><td>{n(i.count)}</td><td className="muted">{i.formula}</td></tr>
                  )),
                ];
              })}
            </tbody>
          </table>
        </section>
      ))}
      {design.clusters.map((c) => {
        const cp = plan.clusters[c.id];
        if (!cp) return null;
        return (
          <section key={c.id}>
            <h3>{c.name} <span className="muted">{cp.model}</span></h3>
            <p>
              {cp.peakNodes} nodes at peak
              {cp.podCidrCapacityNodes !== undefined && ` · pod CIDR room for ${n(cp.podCidrCapacityNodes)} nodes`}
              {cp.kubenetRouteCount !== undefined && ` · ${cp.kubenetRouteCount} of 400 kubenet routes`}
              {cp.serviceCidrSize !== undefined && ` · ${n(cp.serviceCidrSize)} service addresses`}
            </p>
          </section>
        );
      })}
      <p className="learn"><a href="https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning" target="_blank" rel="noreferrer">IP address planning for AKS (Microsoft Learn)</a></p>
    </div>
  );
}
