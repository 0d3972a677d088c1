/** The palette: the entries of every kind's view, in registry order. Drag an item onto the canvas (or click it). */
import { ELEMENT_KINDS } from '../core/index';
import { KIND_VIEWS, type PaletteEntry } from './kinds';

export const PALETTE: readonly PaletteEntry[] = ELEMENT_KINDS.flatMap((k) => KIND_VIEWS[k].palette);

export const DRAG_TYPE = 'application/x-aksnet-kind';

export function Palette({ onAdd }: { onAdd: (kind: string) => void }) {
  return (
    <aside className="palette" aria-label="Palette">
      <h2>Add</h2>
      {PALETTE.map((p) => (
        <button
          key={p.kind}
          type="button"
          className="palette-item"
          data-testid={`palette-${p.kind}`}
          draggable
          title={p.hint}
          onDragStart={(e) => {
            e.dataTransfer.setData(DRAG_TYPE, p.kind);
            e.dataTransfer.effectAllowed = 'copy';
          }}
          onClick={() => onAdd(p.kind)}
        >
          {p.label}
          <small>{p.hint}</small>
        </button>
      ))}
    </aside>
  );
}
