/** Renaming an element or a row of a design by id, for the set-name fix (in place, on a draft). */
import { rowsOf, walkElements } from '../elements';
import type { Design, Id } from '../model';

/** Sets the name of the element or row with `id`; false when there is none. */
export function renameById(design: Design, id: Id, name: string): boolean {
  let done = false;
  walkElements(design, ({ kind, element }) => {
    const target = element.id === id ? element : rowsOf(kind, element).find((r) => r.row.id === id)?.row;
    if (target) {
      target.name = name;
      done = true;
    }
    return done;
  });
  return done;
}
