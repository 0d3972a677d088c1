/** The tabs on the right: inspector, address plan, findings, routes, paths, Kubernetes, export. */
import { lazy, Suspense, useEffect, useState } from 'react';
import { usePlan } from '../store';
import { FindingsPanel } from './FindingsPanel';
import { Inspector } from './Inspector';
import { KubernetesPanel } from './KubernetesPanel';
import { ModelsPanel } from './ModelsPanel';
import { PathsPanel } from './PathsPanel';
import { PlanPanel } from './PlanPanel';
import { RoutesPanel } from './RoutesPanel';
import { WhatIfPanel } from './WhatIfPanel';

/**
 * The exporters (and the YAML library) load with the Export tab, not with the app: the canvas draws sooner. They
 * are fetched once the app is idle, so the tab opens at once; the build serves them locally, offline too.
 */
const loadExports = () => import('./ExportPanel').then((m) => ({ default: m.ExportPanel }));
const ExportPanel = lazy(loadExports);

function LazyExportPanel() {
  return (
    <Suspense fallback={<p className="muted">Loading the exporters…</p>}>
      <ExportPanel />
    </Suspense>
  );
}

const TABS = [
  { id: 'inspector', label: 'Inspector', Panel: Inspector },
  { id: 'plan', label: 'Address plan', Panel: PlanPanel },
  { id: 'findings', label: 'Findings', Panel: FindingsPanel },
  { id: 'whatif', label: 'What if', Panel: WhatIfPanel },
  { id: 'models', label: 'Models', Panel: ModelsPanel },
  { id: 'routes', label: 'Routes', Panel: RoutesPanel },
  { id: 'paths', label: 'Paths', Panel: PathsPanel },
  { id: 'kubernetes', label: 'Kubernetes', Panel: KubernetesPanel },
  { id: 'export', label: 'Export', Panel: LazyExportPanel },
] as const;
type Tab = (typeof TABS)[number]['id'];

function FindingsBadge() {
  const plan = usePlan();
  if (plan.findings.length === 0) return null;
  const errors = plan.findings.filter((f) => f.severity === 'error').length;
  return (
    <span className={`badge badge-${errors ? 'error' : 'warning'}`} data-testid="findings-count">
      {plan.findings.length}
    </span>
  );
}

export function SidePanels() {
  const [tab, setTab] = useState<Tab>('inspector');
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((fn: () => void) => window.setTimeout(fn, 1500));
    idle(() => void loadExports());
  }, []);
  const Panel = TABS.find((t) => t.id === tab)!.Panel;
  return (
    <aside className="side" aria-label="Panels">
      <nav className="tabs" role="tablist">
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            aria-controls="side-tabpanel"
            data-testid={`tab-${t.id}`}
            onClick={() => setTab(t.id)}
          >
            {t.label} {t.id === 'findings' && <FindingsBadge />}
          </button>
        ))}
      </nav>
      <div className="tab-body" role="tabpanel" id="side-tabpanel" aria-labelledby={`tab-${tab}`}>
        <Panel />
      </div>
    </aside>
  );
}
