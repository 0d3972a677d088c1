/**
 * The cluster inspector's Migrate section: the preflight of a move to Azure CNI Overlay or to the Cilium
 * dataplane, the az commands in order, the addresses before and after, and Apply (one undo step).
 */
import { useMemo, useState } from 'react';
import {
  applyMigration,
  formatCount,
  MIGRATE_URL,
  modelName,
  planMigration,
  type ClusterUse,
  type Id,
  type MigrationPlan,
  type MigrationTarget,
} from '../core/index';
import { useDesignStore } from '../store';
import { TableHead } from './TableHead';

const TARGET_LABEL: Record<MigrationTarget, string> = {
  overlay: 'Azure CNI Overlay',
  cilium: 'Cilium dataplane',
};

function UseRows({ m }: { m: MigrationPlan }) {
  const row = (label: string, key: string, f: (u: ClusterUse) => string) => (
    <tr key={key}>
      <td>{label}</td>
      <td data-testid={`migrate-before-${key}`}>{f(m.before)}</td>
      <td data-testid={`migrate-after-${key}`}>{f(m.after)}</td>
    </tr>
  );
  return (
    <table className="migrate-use">
      <TableHead columns={['', 'Before', 'After']} />
      <tbody>
        {row('Network model', 'model', (u) => modelName(u.model))}
        {row('VNet addresses', 'vnet', (u) => formatCount(u.vnetAddresses))}
        {row('Pod CIDR', 'pod-cidr', (u) =>
          u.podCidr ? `${u.podCidr} (${formatCount(u.podCidrCapacityNodes ?? 0)} nodes)` : '—',
        )}
        {row('kubenet routes', 'routes', (u) =>
          u.kubenetRoutes === undefined ? 'none' : formatCount(u.kubenetRoutes),
        )}
        {m.subnets.map((s) => (
          <tr key={s.subnetId}>
            <td>
              {s.name} <span className="muted">used / {formatCount(s.usable)}</span>
            </td>
            <td data-testid={`migrate-before-subnet-${s.subnetId}`}>{formatCount(s.usedBefore)}</td>
            <td data-testid={`migrate-after-subnet-${s.subnetId}`}>{formatCount(s.usedAfter)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Checks({ m }: { m: MigrationPlan }) {
  return (
    <ul className="migrate-checks">
      {m.checks.map((c, i) => (
        <li key={i} className={`sev-${c.severity}`} data-testid={`migrate-check-${c.id}`} data-severity={c.severity}>
          <strong>{c.severity}</strong> {c.message}{' '}
          <a href={c.learnUrl} target="_blank" rel="noreferrer">
            Learn
          </a>
        </li>
      ))}
    </ul>
  );
}

export function MigrateSection({ clusterId }: { clusterId: Id }) {
  const design = useDesignStore((s) => s.doc.design);
  const [target, setTarget] = useState<MigrationTarget>('overlay');
  const [podCidr, setPodCidr] = useState('');
  const m = useMemo(
    () => planMigration(design, clusterId, target, podCidr.trim() ? { podCidr: podCidr.trim() } : {}),
    [design, clusterId, target, podCidr],
  );
  if (!m) return null;
  const apply = () => useDesignStore.getState().edit((draft) => applyMigration(draft.design, m));
  return (
    <section className="migrate" data-testid="migrate">
      <h3>Migrate</h3>
      <label className="field">
        <span className="field-label">To</span>
        <select
          data-testid="migrate-target"
          value={target}
          onChange={(e) => setTarget(e.target.value as MigrationTarget)}
        >
          {(Object.keys(TARGET_LABEL) as MigrationTarget[]).map((t) => (
            <option key={t} value={t}>
              {TARGET_LABEL[t]}
            </option>
          ))}
        </select>
      </label>
      {target === 'overlay' && (
        <label className="field">
          <span className="field-label">Pod CIDR (empty: chosen free)</span>
          <input
            type="text"
            data-testid="migrate-pod-cidr"
            value={podCidr}
            placeholder={m.after.podCidr ?? 'chosen free'}
            onChange={(e) => setPodCidr(e.target.value)}
          />
        </label>
      )}
      <p data-testid="migrate-status" data-possible={m.possible ? 'true' : 'false'}>
        {m.possible ? `Possible in ${m.commands.length} command(s)` : 'Blocked'}
      </p>
      <Checks m={m} />
      {m.commands.length > 0 && (
        <ol className="migrate-commands" data-testid="migrate-commands">
          {m.commands.map((c, i) => (
            <li key={i} title={c.why}>
              <code>{c.text}</code>
            </li>
          ))}
        </ol>
      )}
      <UseRows m={m} />
      {m.changes.length > 0 && (
        <ul className="muted migrate-changes">
          {m.changes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
      <button type="button" data-testid="migrate-apply" disabled={!m.possible} onClick={apply}>
        Apply to the design
      </button>
      <p className="learn">
        <a href={MIGRATE_URL.paths} target="_blank" rel="noreferrer">
          Update Azure CNI IPAM mode and data plane (Microsoft Learn)
        </a>
      </p>
    </section>
  );
}
