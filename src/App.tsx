/** The app shell: toolbar, palette, canvas and side panels; keyboard shortcuts; the banner. */
import { useEffect, useState } from 'react';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { Canvas } from './canvas/Canvas';
import { autoLayout } from './canvas/auto-layout';
import { copySelection, paste } from './canvas/clipboard';
import { dropKind, visibleRect } from './canvas/drop';
import { Palette } from './canvas/Palette';
import { PictureMenu } from './canvas/PictureMenu';
import { FIT_PADDING } from './export';
import { FileMenu, LessonLayer, LessonsMenu, SidePanels, useShareLinkLoader } from './panels';
import { redo, undo, useDesignStore, type LineMode } from './store';

function isTyping(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  return !!t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
}

function useShortcuts() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || isTyping(e)) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) undo();
      else if ((k === 'z' && e.shiftKey) || k === 'y') redo();
      else if (k === 'c') copySelection();
      else if (k === 'v') paste();
      else if (k === 'a') {
        const d = useDesignStore.getState().doc.design;
        useDesignStore.getState().select([...d.vnets.map((v) => v.id), ...d.clusters.map((c) => c.id)]);
      } else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

function Toolbar() {
  const flow = useReactFlow();
  const name = useDesignStore((s) => s.doc.meta.name);
  const lines = useDesignStore((s) => s.lines);
  // Layouts finished so far, and whether one is running: shown on the button so a user (and a test) sees when it is done.
  const [layouts, setLayouts] = useState({ done: 0, running: false });
  return (
    <header className="toolbar">
      <h1>AKS network designer</h1>
      <span className="design-name" data-testid="design-name" title={name}>
        {name}
      </span>
      <FileMenu />
      <LessonsMenu />
      <div className="tool-group">
        <button type="button" data-testid="undo" onClick={undo} title="Undo (Ctrl+Z)">
          Undo
        </button>
        <button type="button" data-testid="redo" onClick={redo} title="Redo (Ctrl+Shift+Z)">
          Redo
        </button>
        <button
          type="button"
          data-testid="auto-layout"
          title="Lay out everything: children inside their parents, the hub first, spokes in a grid"
          aria-busy={layouts.running}
          disabled={layouts.running}
          data-layouts-done={layouts.done}
          onClick={() => {
            setLayouts((l) => ({ ...l, running: true }));
            // Two frames: the new layout is drawn first, so the fit measures the new bounds.
            void autoLayout()
              .then(
                () =>
                  new Promise<void>((resolve) =>
                    requestAnimationFrame(() =>
                      requestAnimationFrame(() => void flow.fitView({ padding: FIT_PADDING }).then(() => resolve())),
                    ),
                  ),
              )
              .finally(() => setLayouts((l) => ({ done: l.done + 1, running: false })));
          }}
        >
          Auto-layout
        </button>
        <button type="button" data-testid="fit" onClick={() => void flow.fitView({ padding: FIT_PADDING })}>
          Fit
        </button>
        <PictureMenu />
        <label
          className="tool-select"
          title="Association lines: subnet to NSG, route table and NAT gateway; pool to cluster; resource to subnet"
        >
          Lines{' '}
          <select
            data-testid="lines"
            value={lines}
            onChange={(e) => useDesignStore.getState().setLines(e.target.value as LineMode)}
          >
            <option value="auto">auto</option>
            <option value="all">all</option>
            <option value="selection">selection only</option>
          </select>
        </label>
      </div>
    </header>
  );
}

function Banner() {
  const banner = useDesignStore((s) => s.banner);
  const doc = useDesignStore((s) => s.doc);
  if (!banner) return null;
  // An Undo offered for one change disappears once the design has changed again.
  const actions = (banner.actions ?? []).filter((a) => a.testId !== 'banner-undo' || banner.undoOf === doc);
  return (
    <div
      className={`banner banner-${banner.kind}`}
      role={banner.kind === 'error' ? 'alert' : 'status'}
      data-testid="banner"
    >
      <span className="banner-text">{banner.text}</span>
      {actions.map((a) => (
        <button key={a.testId} type="button" className="banner-action" data-testid={a.testId} onClick={a.run}>
          {a.label}
        </button>
      ))}
      <button
        type="button"
        data-testid="banner-dismiss"
        onClick={() => useDesignStore.getState().setBanner(null)}
        aria-label="Dismiss"
      >
        ×
      </button>
    </div>
  );
}

function Shell() {
  useShortcuts();
  const flow = useReactFlow();
  const addAtCentre = (kind: string) => {
    const s = useDesignStore.getState();
    const el = document.querySelector('.canvas')?.getBoundingClientRect();
    const p = flow.screenToFlowPosition({
      x: (el?.left ?? 0) + (el?.width ?? 800) / 2,
      y: (el?.top ?? 0) + (el?.height ?? 600) / 2,
    });
    // A click adds into the selected VNet or subnet, as a drop there would.
    const sel = s.selection[0];
    const vnet = s.doc.design.vnets.find((v) => v.id === sel || v.subnets.some((x) => x.id === sel));
    const subnetId = vnet?.subnets.find((x) => x.id === sel)?.id;
    const target = vnet ? { vnetId: vnet.id, ...(subnetId ? { subnetId } : {}) } : undefined;
    dropKind(kind, p.x, p.y, target, visibleRect(document.querySelector('.canvas'), flow.screenToFlowPosition));
  };
  return (
    <div className="app" data-testid="app">
      <Toolbar />
      <Banner />
      <LessonLayer />
      <div className="workspace">
        <Palette onAdd={addAtCentre} />
        <Canvas />
        <SidePanels />
      </div>
    </div>
  );
}

export function App() {
  // Share links: loaded on hashchange; dropped from the address bar once the design is edited.
  useShareLinkLoader();
  return (
    <ReactFlowProvider>
      <Shell />
    </ReactFlowProvider>
  );
}
