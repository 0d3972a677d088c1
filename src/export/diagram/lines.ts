/** How each kind of line is drawn in the picture exports, and which lines are drawn at all. */
import { contains } from './geometry';
import type { LineKind } from './structure';
import type { Scene, SceneLine } from './scene';

export const LINE_STYLES: Readonly<Record<LineKind, { label: string; stroke: string; width: number; dash?: string }>> =
  {
    peering: { label: 'Peering / gateway', stroke: '#0b5cad', width: 2.5 },
    service: { label: 'Serves cluster', stroke: '#00776b', width: 1.6 },
    membership: { label: 'Pool of cluster', stroke: '#6b3fa0', width: 1.2, dash: '2 3' },
    association: { label: 'Associated', stroke: '#7a8796', width: 1.2, dash: '5 3' },
  };

/** Every line except one between a box and a box it holds (it would run inside itself). */
export function drawnLines(scene: Scene): SceneLine[] {
  const byId = new Map(scene.boxes.map((b) => [b.id, b]));
  return scene.lines.filter((l) => {
    const a = byId.get(l.source)!;
    const b = byId.get(l.target)!;
    return !contains(a, b) && !contains(b, a);
  });
}
