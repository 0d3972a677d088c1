/**
 * Allocate addresses for a VNet: a proposed layout of its subnets (peak plus headroom, special subnets at their
 * sizes), old → new per subnet, applied as one undo step; and a new spoke at a free address space.
 */
import { useState } from 'react';
import { allocateVnet, type Allocation, type Id } from '../core/index';
import { addSpoke, applyVnetAllocation, useDesignStore, usePlan } from '../store';
import { TableHead } from './TableHead';

const DEFAULT_HEADROOM = 30;

export function AllocateSection({ vnetId }: { vnetId: Id }) {
  const design = useDesignStore((s) => s.doc.design);
  const plan = usePlan();
  const [headroom, setHeadroom] = useState(DEFAULT_HEADROOM);
  const [proposal, setProposal] = useState<Allocation | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const propose = () => {
    setMessage(null);
    setProposal(allocateVnet(design, plan, vnetId, headroom));
  };
  const apply = () => {
    if (!proposal) return;
    const notes = applyVnetAllocation(vnetId, proposal);
    setProposal(null);
    setMessage(notes.length ? notes.join('; ') : 'Applied (Ctrl+Z undoes it).');
  };
  const spoke = () => {
    const r = addSpoke(vnetId);
    setMessage('error' in r ? r.error : null);
  };
  return (
    <section className="allocate" data-testid="allocate">
      <h3>Addresses</h3>
      <label>
        Headroom %
        <input
          type="number"
          data-testid="allocate-headroom"
          min={0}
          max={1000}
          value={headroom}
          onChange={(e) => setHeadroom(Math.max(0, Number(e.target.value) || 0))}
        />
      </label>
      <div className="allocate-actions">
        <button type="button" data-testid="allocate-propose" onClick={propose}>
          Allocate
        </button>
        <button type="button" data-testid="add-spoke" onClick={spoke}>
          New spoke
        </button>
      </div>
      {proposal && <ProposalView proposal={proposal} onApply={apply} onCancel={() => setProposal(null)} />}
      {message && (
        <p className="hint" data-testid="allocate-message">
          {message}
        </p>
      )}
    </section>
  );
}

function ProposalView(props: { proposal: Allocation; onApply: () => void; onCancel: () => void }) {
  const { placements, unplaced } = props.proposal;
  return (
    <div data-testid="allocate-proposal">
      <table className="allocate-table">
        <TableHead columns={['Subnet', 'Now', 'Proposed', 'Usable']} />
        <tbody>
          {placements.map((p) => (
            <tr key={p.subnetId} data-testid={`allocate-row-${p.subnetId}`} title={p.why ?? `${p.wanted} wanted`}>
              <td>{p.name}</td>
              <td>{p.from ?? '—'}</td>
              <td data-testid={`allocate-to-${p.subnetId}`}>{p.to}</td>
              <td>
                {p.usable} ≥ {p.wanted}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {unplaced.map((u) => (
        <p key={u.subnetId} className="error" data-testid={`allocate-unplaced-${u.subnetId}`}>
          {u.message}
        </p>
      ))}
      {unplaced.length > 0 && (
        <p className="hint">A layout applies whole: enlarge the address space or lower the headroom first.</p>
      )}
      <button
        type="button"
        data-testid="allocate-apply"
        disabled={placements.length === 0 || unplaced.length > 0}
        onClick={props.onApply}
      >
        Apply layout
      </button>
      <button type="button" data-testid="allocate-cancel" onClick={props.onCancel}>
        Cancel
      </button>
    </div>
  );
}
