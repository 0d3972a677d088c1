/** Address plan: per VNet, each subnet with its numbers and itemised consumption; per cluster its ranges. */
import type { Subnet, SubnetPlan } from '../core/index';
import { useDesignStore, usePreview, useShownPlan } from '../store';
import { formatCount, formatPercent } from './plan-format';
import { PoolHeadroomTable, SubnetHeadroomRows } from './HeadroomPanel';
import { TableHead } from './TableHead';

const PLANNING_URL = 'https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning';
const RESERVED_URL =
  'https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq#are-there-any-restrictions-on-using-ip-addresses-within-these-subnets';

function SubnetRows({
  s,
  p,
  selected,
  poolName,
}: {
  s: Subnet;
  p: SubnetPlan | undefined;
  selected: boolean;
  poolName: (id: string) => string;
}) {
  const over = !!p && p.free < 0;
  return (
    <>
      <tr
        className={`plan-subnet${over ? ' over' : ''}${selected ? ' selected' : ''}`}
        onClick={() => useDesignStore.getState().select([s.id])}
        data-testid={`plan-row-${s.id}`}
      >
        <td>{s.name}</td>
        <td>{p?.cidr ?? <span className="field-error">{s.cidr}</span>}</td>
        <td>{formatCount(p?.total ?? 0)}</td>
        <td>{p?.reserved ?? 0}</td>
        <td data-testid={`plan-used-${s.id}`}>{formatCount(p?.used ?? 0)}</td>
        <td data-testid={`plan-free-${s.id}`}>{formatCount(p?.free ?? 0)}</td>
        <td>{p ? formatPercent(p.utilisation) : ''}</td>
      </tr>
      {(p?.items ?? []).map((i, k) => (
        <tr key={k} className="plan-item" data-testid={`plan-item-${s.id}-${i.kind}`}>
          <td colSpan={4}>{i.label}</td>
          <td>{formatCount(i.count)}</td>
          <td colSpan={2} className="muted formula">
            {i.formula}
          </td>
        </tr>
      ))}
      <SubnetHeadroomRows s={s} poolName={poolName} />
    </>
  );
}

function ClusterSummary() {
  const design = useDesignStore((s) => s.doc.design);
  const plan = useShownPlan();
  return design.clusters.map((c) => {
    const cp = plan.clusters[c.id];
    if (!cp) return null;
    return (
      <section key={c.id} data-testid={`plan-cluster-${c.id}`}>
        <h3>
          {c.name} <span className="muted">{cp.model}</span>
        </h3>
        <ul className="plan-facts">
          <li>{formatCount(cp.peakNodes)} nodes at autoscaler maximum plus surge</li>
          {cp.podCidrCapacityNodes !== undefined && (
            <li>
              pod CIDR {c.podCidr} has room for {formatCount(cp.podCidrCapacityNodes)} nodes
            </li>
          )}
          {cp.kubenetRouteCount !== undefined && (
            <li data-testid={`plan-kubenet-routes-${c.id}`}>
              {formatCount(cp.kubenetRouteCount)} of 400 routes in the kubenet route table
            </li>
          )}
          {cp.serviceCidrSize !== undefined && (
            <li>
              service CIDR {c.serviceCidr}: {formatCount(cp.serviceCidrSize)} addresses, DNS at {c.dnsServiceIp}
            </li>
          )}
        </ul>
        <PoolHeadroomTable c={c} />
      </section>
    );
  });
}

export function PlanPanel() {
  const design = useDesignStore((s) => s.doc.design);
  const selected = useDesignStore((s) => s.selection[0]);
  const plan = useShownPlan();
  const previewing = usePreview() !== null;
  const pools = new Map(design.clusters.flatMap((c) => c.nodePools.map((p) => [p.id, `${c.name}/${p.name}`])));
  const poolName = (id: string) => pools.get(id) ?? id;
  if (design.vnets.length === 0) return <p className="hint">Add a VNet to see its address plan.</p>;
  return (
    <div className="plan" data-testid="plan-panel">
      {previewing && (
        <p className="warning" data-testid="plan-previewing">
          Showing the what-if preview: node counts at the previewed scale, not yet in the design.
        </p>
      )}
      {design.vnets.map((v) => (
        <section key={v.id}>
          <h3>
            {v.name} <span className="muted">{v.addressSpaces.join(', ')}</span>
            {plan.vnets[v.id] && (
              <span className="muted">
                {' '}
                · {formatCount(plan.vnets[v.id]!.allocated)} of {formatCount(plan.vnets[v.id]!.total)} addresses in
                subnets
              </span>
            )}
          </h3>
          <table>
            <TableHead columns={['Subnet', 'CIDR', 'Total', 'Reserved', 'Used', 'Free', 'Use']} />
            <tbody>
              {v.subnets.map((s) => (
                <SubnetRows key={s.id} s={s} p={plan.subnets[s.id]} selected={selected === s.id} poolName={poolName} />
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <ClusterSummary />
      <p className="learn">
        <a href={PLANNING_URL} target="_blank" rel="noreferrer">
          IP address planning for AKS (Microsoft Learn)
        </a>{' '}
        ·{' '}
        <a href={RESERVED_URL} target="_blank" rel="noreferrer">
          The 5 addresses Azure reserves in every subnet (Microsoft Learn)
        </a>
      </p>
    </div>
  );
}
