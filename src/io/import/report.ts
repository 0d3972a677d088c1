/**
 * What an import says about each item it read: every importer (az script, Bicep, ARM JSON, az JSON) returns this,
 * so the CLI, the app's import dialog and the tests read one shape.
 */
import type { Design } from '../../core/index';

export type ImportSource = 'az' | 'bicep' | 'arm' | 'azjson';
export const IMPORT_SOURCES: readonly ImportSource[] = ['az', 'bicep', 'arm', 'azjson'];

/**
 * imported: became part of the design as written; defaulted: imported, with a value the input did not give (the value
 * used is in the message); ignored: read but not modelled (the message says why); unresolved: refers to something the
 * input does not hold.
 */
export type ImportStatus = 'imported' | 'defaulted' | 'ignored' | 'unresolved';
export const IMPORT_STATUSES: readonly ImportStatus[] = ['imported', 'defaulted', 'ignored', 'unresolved'];

export interface ImportItem {
  status: ImportStatus;
  /** Where it was read: "line 12" for a script or Bicep file, a JSON path such as "resources[3]" otherwise. */
  at: string;
  /** What was read, as the input names it: "az network vnet create", "Microsoft.Network/virtualNetworks hub-vnet". */
  what: string;
  message: string;
}

export interface ImportResult {
  from: ImportSource;
  /** null when nothing could be read. */
  design: Design | null;
  items: ImportItem[];
}

/** The report of an import that could read nothing: one ignored item saying why. */
export function unreadable(from: ImportSource, what: string, message: string, at = ''): ImportResult {
  return { from, design: null, items: [{ status: 'ignored', at, what, message }] };
}

/** The ignored items of the keys a JSON reader refused (__proto__, constructor, prototype). */
export function refusedKeys(keys: string[]): ImportItem[] {
  return keys.map((k) => ({
    status: 'ignored',
    at: '',
    what: `key ${k}`,
    message: `the key "${k}" is refused (it could alter object prototypes)`,
  }));
}

/** CLI exit code: 0 all imported (defaults allowed), 1 something ignored or unresolved, 2 nothing could be read. */
export function importExitCode(r: ImportResult): 0 | 1 | 2 {
  if (!r.design) return 2;
  return r.items.some((i) => i.status === 'ignored' || i.status === 'unresolved') ? 1 : 0;
}
