/** Putting a loaded document into the store, or explaining in the banner why it could not be loaded. */
import type { LoadResult } from '../io';
import { replaceDesign, useDesignStore } from '../store';

/** The first few load errors as one sentence, each with the path of the field that caused it. */
export function explainLoadErrors(r: Extract<LoadResult, { ok: false }>): string {
  const shown = r.errors.slice(0, 3).map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
  const more = r.errors.length > 3 ? ` (and ${r.errors.length - 3} more)` : '';
  return `${shown.join('; ')}${more}`;
}

/** Loads the document when it is valid (a banner offers Undo); otherwise an error banner and the design stays. */
export function openResult(r: LoadResult, what: string): boolean {
  const store = useDesignStore.getState();
  if (!r.ok) {
    store.setBanner({
      kind: 'error',
      text: `${what} could not be opened, your design is unchanged: ${explainLoadErrors(r)}`,
    });
    return false;
  }
  const warnings = r.warnings.length ? ` ${r.warnings.join(' ')}` : '';
  replaceDesign(r.doc, `${what} replaced the design.${warnings}`);
  return true;
}
