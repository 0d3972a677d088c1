/** Adding and removing rows of an element's list (routes, NSG rules, frontends, DNAT rules). Pure. */
import type { ListSpec } from './field-specs';

type Row = Record<string, unknown>;

function rowsOf(el: Record<string, unknown>, list: ListSpec): Row[] {
  const rows = el[list.path];
  return Array.isArray(rows) ? (rows as Row[]) : [];
}

/** Appends a row with the list's defaults; rows that carry ids in the format get `id`, others none. */
export function addRow(el: Record<string, unknown>, list: ListSpec, id: string): void {
  const row = list.withId ? { id, ...list.make() } : list.make();
  el[list.path] = [...rowsOf(el, list), row];
}

export function removeRow(el: Record<string, unknown>, list: ListSpec, index: number): void {
  el[list.path] = rowsOf(el, list).filter((_, i) => i !== index);
}

/** A stable React key for a row: its id, or its position for rows without ids. */
export function keyOfRow(row: Row, index: number): string {
  return typeof row.id === 'string' ? row.id : `#${index}`;
}
