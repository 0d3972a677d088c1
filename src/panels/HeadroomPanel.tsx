/**
 * Headroom in the plan panel: per pool the largest autoscaler maximum and what runs out first; per subnet more
 * nodes; a failed preflight with Azure's message and its ranked fixes, each applied in one click (one undo step)
 * and showing the check's numbers once applied. While a what-if is previewed, every number is the preview's.
 */
import type { Cluster, Id, PreflightFix, Subnet } from '../core/index';
import { applyPreflightFix, useDesignStore, usePreview, useShownCapacity } from '../store';
import { formatCount } from './plan-format';
import { TableHead } from './TableHead';

const signed = (n: number) => (n >= 0 ? `+${formatCount(n)}` : `−${formatCount(-n)}`);

/** Rows under a subnet: how many more nodes of each pool on it still fit at peak. */
export function SubnetHeadroomRows({ s, poolName }: { s: Subnet; poolName: (id: Id) => string }) {
  const sh = useShownCapacity().headroom.subnets[s.id];
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
  const { headroom } = useShownCapacity();
  return (
    <>
      <table className="plan-headroom">
        <TableHead columns={['Pool', 'Max', 'Reachable max', 'Headroom', 'Runs out first']} />
        <tbody>
          {c.nodePools.map((pool) => {
            const h = headroom.pools[pool.id];
            if (!h) return null;
            return (
              <tr key={pool.id} data-testid={`plan-headroom-${pool.id}`} title={h.limitedBy.detail}>
                <td>{pool.name}</td>
                <td data-testid={`plan-max-${pool.id}`}>{formatCount(h.maxNodes)}</td>
                <td data-testid={`plan-reachable-${pool.id}`}>{formatCount(h.reachableMax)}</td>
                <td className={h.headroom < 0 ? 'field-error' : ''}>{signed(h.headroom)}</td>
                <td data-testid={`plan-limit-${pool.id}`}>{h.limitedBy.kind}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <PreflightFailures clusterId={c.id} where="plan" />
    </>
  );
}

function FixItem({ f, scaled }: { f: PreflightFix; scaled: boolean }) {
  const a = f.after;
  return (
    <li data-testid={`preflight-fix-${f.kind}`}>
      <span>{f.label}</span>{' '}
      <span className={a.ok ? 'muted' : 'field-error'} data-testid={`preflight-after-${f.kind}`}>
        after: {formatCount(a.preAllocated)} pre-allocated of {formatCount(a.available)} available
        {a.ok ? '' : ', still short'}
      </span>{' '}
      <button
        type="button"
        data-testid={`preflight-apply-${f.kind}`}
        title={f.ops.map((o) => o.label).join('; ')}
        onClick={() => {
          if (!applyPreflightFix(f.ops))
            useDesignStore.getState().setBanner({
              kind: 'info',
              text: `"${f.label}" was not applied: the element it changes is gone.`,
            });
        }}
      >
        {scaled ? 'Apply with this scale' : 'Apply'}
      </button>
    </li>
  );
}

/** A cluster's failed preflight checks: Azure's message and the ranked fixes, each with Apply. */
export function PreflightFailures({ clusterId, where }: { clusterId: Id; where: 'plan' | 'whatif' }) {
  const pf = useShownCapacity().preflight.find((p) => p.clusterId === clusterId);
  const scaled = usePreview() !== null;
  return pf?.checks
    .filter((ch) => !ch.ok)
    .map((ch) => (
      <div key={ch.subjectId} className="plan-preflight field-error" data-testid={`${where}-preflight-${clusterId}`}>
        <p>{ch.azureMessage}</p>
        {ch.fixes.length > 0 && (
          <ol>
            {ch.fixes.map((f) => (
              <FixItem key={f.kind} f={f} scaled={scaled} />
            ))}
          </ol>
        )}
      </div>
    ));
}
