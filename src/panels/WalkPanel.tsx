/**
 * The packet walk: pick a flow of the design and step through it, forward, back, play and pause, from the
 * buttons or the keyboard (→ next, ← back, Space play or pause, Home and End) while the walk has focus. The
 * canvas draws the path as numbered arrows and moves a packet to the step shown.
 */
import { useEffect, useMemo } from 'react';
import { walkFlows, type Walk, type WalkStep } from '../core/index';
import { useCurrentWalk, useDesignStore, usePlan, useWalkStore } from '../store';
import '../canvas/walk.css';

/** Time per step while playing. */
const PLAY_MS = 1200;

function StepCard({ step }: { step: WalkStep }) {
  return (
    <div className={`walk-card walk-${step.verdict}`} data-testid="walk-card" data-verdict={step.verdict}>
      <div className="walk-at" data-testid="walk-at">
        {step.at}
      </div>
      <dl className="walk-addr">
        <dt>Source</dt>
        <dd data-testid="walk-src">{step.src}</dd>
        <dt>Destination</dt>
        <dd data-testid="walk-dst">{step.dst}</dd>
      </dl>
      {step.nat.map((n, i) => (
        <div key={i} className="snat" data-testid="walk-nat">
          {n.kind} {n.from} → {n.to}
        </div>
      ))}
      <div className="walk-rule" data-testid="walk-rule">
        <strong>{step.verdict === 'drop' ? 'Dropped: ' : step.verdict === 'deliver' ? 'Delivered: ' : ''}</strong>
        {step.rule}
      </div>
      {step.why.length > 0 && (
        <ul className="muted walk-why">
          {step.why.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
      {step.learnUrl && (
        <a href={step.learnUrl} target="_blank" rel="noreferrer" data-testid="walk-learn">
          Microsoft Learn
        </a>
      )}
    </div>
  );
}

function Controls({ walk }: { walk: Walk }) {
  const { index, playing, setIndex, setPlaying } = useWalkStore();
  const last = walk.steps.length - 1;
  const at = Math.min(index, last);
  useEffect(() => {
    if (!playing) return;
    if (at >= last) {
      setPlaying(false);
      return;
    }
    const t = setTimeout(() => setIndex(at + 1), PLAY_MS);
    return () => clearTimeout(t);
  }, [playing, at, last, setIndex, setPlaying]);
  const go = (i: number) => setIndex(Math.max(0, Math.min(last, i)));
  const onKey = (e: React.KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowRight: () => go(at + 1),
      ArrowLeft: () => go(at - 1),
      Home: () => go(0),
      End: () => go(last),
      ' ': () => setPlaying(!playing && at < last),
    };
    const run = keys[e.key];
    if (!run || e.target instanceof HTMLSelectElement) return;
    e.preventDefault();
    run();
  };
  const step = walk.steps[at];
  return (
    <div
      className="walk"
      tabIndex={0}
      onKeyDown={onKey}
      data-testid="walk"
      aria-label="Packet walk: arrow keys step, Space plays"
    >
      <div className="walk-controls">
        <button type="button" data-testid="walk-back" onClick={() => go(at - 1)} disabled={at === 0}>
          ← Back
        </button>
        <button
          type="button"
          data-testid="walk-play"
          onClick={() => setPlaying(!playing && at < last)}
          aria-pressed={playing}
        >
          {playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" data-testid="walk-next" onClick={() => go(at + 1)} disabled={at === last}>
          Next →
        </button>
        <span data-testid="walk-step-index" data-index={at}>
          Step {at + 1} of {walk.steps.length}
        </span>
      </div>
      <p className="hint">Keys while the walk has focus: → next, ← back, Space play or pause, Home and End.</p>
      <p className={`outcome outcome-${walk.outcome}`} data-testid="walk-outcome" data-outcome={walk.outcome}>
        {walk.outcome}
        {walk.reason && <span data-testid="walk-reason">: {walk.reason}</span>}
      </p>
      {step && <StepCard step={step} />}
      <ol className="walk-steps">
        {walk.steps.map((s, i) => (
          <li key={i} className={i === at ? 'walk-current' : ''}>
            <button type="button" data-testid={`walk-step-${i + 1}`} onClick={() => go(i)}>
              {s.at}
            </button>{' '}
            <span className="muted">
              {s.src} → {s.dst}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

export function WalkPanel() {
  const design = useDesignStore((s) => s.doc.design);
  const plan = usePlan();
  const flows = useMemo(() => walkFlows(design, plan), [design, plan]);
  const flow = useWalkStore((s) => s.flow);
  const setFlow = useWalkStore((s) => s.setFlow);
  const walk = useCurrentWalk();
  const selected = flows.find((f) => JSON.stringify(f.flow) === JSON.stringify(flow))?.id ?? '';
  // Leaving the Paths tab takes the walk off the canvas.
  useEffect(() => () => useWalkStore.getState().setFlow(null), []);
  if (flows.length === 0) return null;
  return (
    <section className="walk-panel" data-testid="walk-panel">
      <h3>Packet walk</h3>
      <label htmlFor="walk-flow">Flow</label>
      <select
        id="walk-flow"
        data-testid="walk-flow"
        value={selected}
        onChange={(e) => setFlow(flows.find((f) => f.id === e.target.value)?.flow ?? null)}
      >
        <option value="">Pick a flow to walk…</option>
        {flows.map((f) => (
          <option key={f.id} value={f.id}>
            {f.title}
          </option>
        ))}
      </select>
      {walk && <Controls walk={walk} />}
      {flow && !walk && <p className="hint">This flow is no longer in the design.</p>}
    </section>
  );
}
