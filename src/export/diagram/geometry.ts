/** Where a straight line between two boxes meets their borders, and text that fits a width. */

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The point where the ray from the centre of r towards (tx, ty) leaves r. */
function exitPoint(r: Rect, tx: number, ty: number): { x: number; y: number } {
  const cx = r.x + r.w / 2;
  const cy = r.y + r.h / 2;
  const dx = tx - cx;
  const dy = ty - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const sx = dx === 0 ? Infinity : r.w / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : r.h / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: cx + dx * s, y: cy + dy * s };
}

/** A straight segment from the border of a to the border of b, along the line between their centres. */
export function segmentBetween(a: Rect, b: Rect): { x1: number; y1: number; x2: number; y2: number } {
  const p = exitPoint(a, b.x + b.w / 2, b.y + b.h / 2);
  const q = exitPoint(b, a.x + a.w / 2, a.y + a.h / 2);
  return { x1: p.x, y1: p.y, x2: q.x, y2: q.y };
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.w <= outer.x + outer.w &&
    inner.y + inner.h <= outer.y + outer.h
  );
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * Text cut with an ellipsis to fit a width, from an average glyph width of sans-serif fonts (0.6 em bold,
 * 0.55 em regular): generous, so the text fits whatever sans-serif font draws it.
 */
export function fitText(text: string, width: number, fontSize: number, bold = false): string {
  const max = Math.floor(width / (fontSize * (bold ? 0.6 : 0.55)));
  if (text.length <= max) return text;
  return max <= 1 ? '' : `${text.slice(0, max - 1)}…`;
}
