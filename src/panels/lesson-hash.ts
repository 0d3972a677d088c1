/**
 * Lesson links in the URL hash: `#lesson=<bundled id>&step=<n>` or `#lessonfile=<payload>&step=<n>`, the payload
 * being io's encodeLessonLink output. Steps count from 1, as the lesson shows them. Pure.
 */

export type LessonLink =
  { kind: 'bundled'; id: string; step: number } | { kind: 'file'; payload: string; step: number };

/** A hash that is a lesson link, read; null for any other hash (a design share link, nothing). */
export function lessonOfHash(hash: string): LessonLink | null {
  if (!hash.startsWith('#lesson=') && !hash.startsWith('#lessonfile=')) return null;
  // Read by hand, not with URLSearchParams: it would turn the '+' of an lz-string payload into a space.
  const params = new Map<string, string>();
  for (const part of hash.slice(1).split('&')) {
    const at = part.indexOf('=');
    if (at > 0) params.set(part.slice(0, at), part.slice(at + 1));
  }
  const n = Number(params.get('step') || '1');
  // A step that is not a whole number from 1 opens the first one; one past the end, the last (the runner clamps).
  const step = Number.isInteger(n) && n >= 1 ? n - 1 : 0;
  const id = params.get('lesson');
  if (id !== undefined) return { kind: 'bundled', id: decoded(id), step };
  return { kind: 'file', payload: params.get('lessonfile') ?? '', step };
}

/** Some mail clients percent-encode links; a malformed escape is kept as written (no lesson has that id). */
function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function hashOfLesson(link: LessonLink): string {
  const step = `&step=${link.step + 1}`;
  return link.kind === 'bundled'
    ? `#lesson=${encodeURIComponent(link.id)}${step}`
    : `#lessonfile=${link.payload}${step}`;
}
