/** Headroom in the plan panel: per pool the largest autoscaler maximum and what runs out first; per subnet more nodes. */
import type { Cluster, Id, Subnet } from '../core/index';
import { useCapacity } from '../store';
import { formatCount } from './plan-format';

const signed = (n: number) => (n >= 0 ? `+${formatCount(n)}` : `−${formatCount(-n)}`);

/** Rows under a subnet: how many more nodes of each pool on it still fit at peak. */
export function SubnetHeadroomRows({ s, poolName }: { s: Subnet; poolName: (id: Id) => string }) {
  const sh = useCapacity().headroom.subnets[s.id];
  return (sh?.pools ?? []).map((p) => (
    <tr key={p.poolId} className="plan-item plan-more" data-testid={`plan-more-${s.id}-${p.poolId}`}>
      <td colSpan={4}>{poolName(p.poolId)} headroom</td>
      <td>{signed(p.moreNodes)}</td>
      <td colSpan={2} className="muted formula">
        nodes at {formatCount(p.perNode)} address{p.perNode === 1 ? '' : 'es'} each
      </td>
    </tr>
  ));
}

/** Per pool of a cluster: max today, the largest reachable max, and the limit that runs out first. */
export function PoolHeadroomTable({ c }: { c: Cluster }) {
  const { headroom, preflight } = useCapacity();
  const pf = preflight.find((p) => p.clusterId === c.id);
  return (
    <>
      <table className="plan-headroom">
        <thead>
          <tr>
            <th>Pool</th>
            <th>Max</th>
            <th>Reachable max</th>
            <th>Headroom</th>
            <th>Runs out first</th>
          </tr>
        </thead>
        <tbody>
          {c.nodePools.map((pool) => {
            const h = headroom.pools[pool.id];
            if (!h) return null;
            return (
              <tr key={pool.id} data-testid={`plan-headroom-${pool.id}`} title={h.limitedBy.detail}>
                <td>{pool.name}</td>
                <td>{formatCount(h.maxNodes)}</td>
                <td data-testid={`plan-reachable-${pool.id}`}>{formatCount(h.reachableMax)}</td>
                <td className={h.headroom < 0 ? 'field-error' : ''}>{signed(h.headroom)}</td>
                <td data-testid={`plan-limit-${pool.id}`}>{h.limitedBy.kind}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {pf?.checks
        .filter((ch) => !ch.ok)
        .map((ch) => (
          <div key={ch.subjectId} className="plan-preflight field-error" data-testid={`plan-preflight-${c.id}`}>
            <p>{ch.azureMessage}</p>
            {ch.fixes.length > 0 && (
              <ol>
                {ch.fixes.map((f) => (
                  <li key={f.kind}>{f.label}</li>
                ))}
              </ol>
            )}
          </div>
        ))}
    </>
  );
}
