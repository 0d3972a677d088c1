/**
 * Forward-only migrations of the design file, as ordered named steps (tldraw style). A step upgrades a raw
 * document from `to − 1` to `to`; the loader runs every step above the file's schemaVersion, on a clone,
 * before the current schema parses it. Each step keeps a before/after fixture in fixtures/migrations/.
 *
 * To add version 2: bump CURRENT_SCHEMA_VERSION in schema.ts, change the schema, and append
 * `{ id: 'DescribeTheChange', to: 2, up: (doc) => ({ ...doc, ... }) }` here with its fixture pair.
 */
import { CURRENT_SCHEMA_VERSION } from './schema';

export type RawDocument = Record<string, unknown>;

export interface Migration {
  /** Stable PascalCase name; also the fixture name. */
  id: string;
  /** The schemaVersion this step produces. */
  to: number;
  up: (doc: RawDocument) => RawDocument;
}

/** Every migration ever shipped, oldest first. */
export const MIGRATIONS: readonly Migration[] = [
  // Version 2 adds each cluster's Kubernetes layer (namespaces, workloads, NetworkPolicies), all optional:
  // a version 1 file means the same with none of them, so the step changes nothing but the version.
  { id: 'AddKubernetesLayer', to: 2, up: (doc) => doc },
];

export type MigrationResult = { ok: true; doc: RawDocument; applied: string[] } | { ok: false; message: string };

/** Steps must go up one version at a time, from 2 to the target, with unique ids. */
export function checkMigrationList(steps: readonly Migration[], target: number): string | null {
  const ids = new Set<string>();
  for (const [i, step] of steps.entries()) {
    if (step.to !== i + 2) return `migration "${step.id}" produces version ${step.to}; expected ${i + 2}`;
    if (ids.has(step.id)) return `migration id "${step.id}" is used twice`;
    ids.add(step.id);
  }
  const last = steps.length + 1;
  if (last !== target) return `migrations reach version ${last} but the current version is ${target}`;
  return null;
}

/**
 * Runs the steps above `doc.schemaVersion` in order, each on its own clone, and stamps the new version.
 * The version must already be an integer between 1 and `target` (the loader checks that first).
 */
export function runMigrations(
  doc: RawDocument,
  steps: readonly Migration[] = MIGRATIONS,
  target: number = CURRENT_SCHEMA_VERSION,
): MigrationResult {
  const listError = checkMigrationList(steps, target);
  if (listError) return { ok: false, message: listError };
  let current = doc;
  const applied: string[] = [];
  for (const step of steps) {
    if (step.to <= (current.schemaVersion as number)) continue;
    try {
      current = { ...step.up(structuredClone(current)), schemaVersion: step.to };
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      return { ok: false, message: `could not upgrade to version ${step.to} (step ${step.id}): ${reason}` };
    }
    applied.push(step.id);
  }
  return { ok: true, doc: current, applied };
}
