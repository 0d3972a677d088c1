/** The tabs on the right: inspector, address plan, findings, routes, paths, export. */
import { useState } from 'react';
import { usePlan } from '../store';
import { ExportPanel } from './ExportPanel';
import { FindingsPanel } from './FindingsPanel';
import { Inspector } from './Inspector';
import { PathsPanel } from './PathsPanel';
import { PlanPanel } from './PlanPanel';
import { RoutesPanel } from './RoutesPanel';

const TABS = ['inspector', 'plan', 'findings', 'routes', 'paths', 'export'] as const;
type Tab = (typeof TABS)[number];

export function SidePanels() {
  const [tab, setTab] = useState<Tab>('inspector');
  const plan = usePlan();
  const errors = plan.findings.filter((f) => f.severity === 'error').length;
  return (
    <aside className="side" aria-label="Panels">
      <nav className="tabs" role="tablist">
        {TABS.map((t) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} data-testid={`tab-${t}`} onClick={() => setTab(t)}>
            {t}
            {t === 'findings' && plan.findings.length > 0 && <span className={`badge badge-${errors ? 'error' : 'warning'}`}>{plan.findings.length}</span>}
          </button>
        ))}
      </nav>
      <div className="tab-body">
        {tab === 'inspector' && <Inspector />}
        {tab === 'plan' && <PlanPanel />}
        {tab === 'findings' && <FindingsPanel />}
        {tab === 'routes' && <RoutesPanel />}
        {tab === 'paths' && <PathsPanel />}
        {tab === 'export' && <ExportPanel />}
      </div>
    </aside>
  );
}
