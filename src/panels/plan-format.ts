/** Number formats of the panels: grouped thousands and whole percentages, the same in every locale. */
export { formatCount } from '../core/index';

/** A 0..n share as a percentage; above 100% means over-committed. */
export function formatPercent(share: number): string {
  if (!Number.isFinite(share)) return '';
  return `${Math.round(share * 100)}%`;
}
