/**
 * Loading a design file: text or value → size and hostile-key checks → format and version → migrations →
 * the current zod schema → id and reference integrity. Never throws: every problem is a LoadError naming
 * the field path, so the editor can keep the current design and show what is wrong.
 */
import { DEFAULT_POD_CIDR, usesPodCidr, type Cluster, type Design } from '../core/index';
import { checkInputSize, findHostileKeys } from './hostile';
import { checkIntegrity } from './integrity';
import { formatIssue, formatPath, pickIssues, type LoadError, type PathPart } from './load-error';
import { MIGRATIONS, runMigrations, type RawDocument } from './migrations';
import { clusterLimitWarnings } from './schema-primitives';
import { CURRENT_SCHEMA_VERSION, DOCUMENT_FORMAT, documentSchema, type DesignDocument } from './schema';

export type LoadResult = { ok: true; doc: DesignDocument; warnings: string[] } | { ok: false; errors: LoadError[] };

const fail = (errors: LoadError[]): LoadResult => ({ ok: false, errors });

/** Text or any value → a plain JSON value (functions, cycles and class instances cannot get through). */
function toJsonValue(input: unknown): { ok: true; value: unknown } | { ok: false; error: LoadError } {
  let text: string;
  // A byte order mark (Notepad writes one in UTF-8 files) is not part of the JSON: JSON.parse refuses it.
  if (typeof input === 'string') text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  else {
    try {
      const s = JSON.stringify(input);
      if (s === undefined)
        return { ok: false, error: { path: '', message: 'expected a design document, got nothing' } };
      text = s;
    } catch (e) {
      return { ok: false, error: { path: '', message: `cannot be read as JSON: ${(e as Error).message}` } };
    }
  }
  const tooLarge = checkInputSize(text);
  if (tooLarge) return { ok: false, error: tooLarge };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, error: { path: '', message: `not valid JSON: ${(e as Error).message}` } };
  }
}

function checkHeader(value: unknown): LoadError[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [{ path: '', message: 'expected a design document (a JSON object)' }];
  }
  const raw = value as RawDocument;
  if (raw.format === undefined)
    return [{ path: 'format', message: `required field is missing; expected "${DOCUMENT_FORMAT}"` }];
  if (raw.format !== DOCUMENT_FORMAT) {
    return [{ path: 'format', message: `unknown format ${JSON.stringify(raw.format)}; expected "${DOCUMENT_FORMAT}"` }];
  }
  const v = raw.schemaVersion;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    return [{ path: 'schemaVersion', message: `expected an integer ≥ 1, got ${JSON.stringify(v) ?? 'nothing'}` }];
  }
  if (v > CURRENT_SCHEMA_VERSION) {
    return [
      {
        path: 'schemaVersion',
        message: `this file has schema version ${v}, newer than this app reads (${CURRENT_SCHEMA_VERSION}); open it with a newer version of aksnet`,
      },
    ];
  }
  return [];
}

/** Removes keys the schema does not know (typos, fields of other tools) and reports them as warnings. */
function stripUnknownKeys(doc: RawDocument, unknown: { path: PathPart[]; keys: string[] }[]): string[] {
  const warnings: string[] = [];
  for (const { path, keys } of unknown) {
    let target: unknown = doc;
    for (const part of path) target = (target as Record<PropertyKey, unknown>)[part as PropertyKey];
    for (const key of keys) {
      delete (target as Record<string, unknown>)[key];
      warnings.push(`${formatPath([...path, key])}: unknown field ignored`);
    }
  }
  return warnings;
}

/**
 * kubenet and CNI Overlay take pod IPs from a private pod CIDR; absent means Azure's default. The field is
 * placed where the schema lists it, so a saved file reads in the documented order.
 */
function applyPodCidrDefault(design: Design): void {
  design.clusters = design.clusters.map((c) => {
    if (!usesPodCidr(c) || c.podCidr !== undefined) return c;
    const entries = Object.entries(c);
    const at = entries.findIndex(([key]) => key === 'podIpAllocation') + 1;
    entries.splice(at, 0, ['podCidr', DEFAULT_POD_CIDR]);
    return Object.fromEntries(entries) as unknown as Cluster;
  });
}

/** Layout entries for ids the design does not have are dropped with a warning. */
function dropOrphanLayout(doc: DesignDocument, ids: ReadonlySet<string>): string[] {
  const warnings: string[] = [];
  for (const id of Object.keys(doc.layout.nodes)) {
    if (ids.has(id)) continue;
    delete doc.layout.nodes[id];
    warnings.push(`${formatPath(['layout', 'nodes', id])}: no design element has this id; position ignored`);
  }
  return warnings;
}

function parseCurrent(raw: RawDocument): LoadResult {
  let parsed = documentSchema.safeParse(raw);
  let warnings: string[] = [];
  if (!parsed.success) {
    const unknown = parsed.error.issues.flatMap((i) =>
      i.code === 'unrecognized_keys' ? [{ path: i.path, keys: i.keys }] : [],
    );
    if (unknown.length > 0) {
      warnings = stripUnknownKeys(raw, unknown);
      parsed = documentSchema.safeParse(raw);
    }
  }
  if (!parsed.success) {
    return fail(
      pickIssues(parsed.error.issues).map((i) => ({ path: formatPath(i.path), message: formatIssue(i, raw) })),
    );
  }
  const doc = parsed.data;
  const { errors, ids } = checkIntegrity(doc.design);
  if (errors.length > 0) return fail(errors);
  applyPodCidrDefault(doc.design);
  warnings.push(...clusterLimitWarnings(doc.design));
  warnings.push(...dropOrphanLayout(doc, new Set(ids.keys())));
  return { ok: true, doc, warnings };
}

/**
 * The schema may still throw on a value shaped to break it (zod compares a `length` of an object whose toString is
 * null before it refuses the object): such a file is refused like any other, never thrown out of the loader.
 */
function parseSafely(raw: RawDocument): LoadResult {
  try {
    return parseCurrent(raw);
  } catch (e) {
    const why = e instanceof Error ? e.message : 'unknown error';
    return fail([{ path: '', message: `not a design document: a value could not be checked (${why})` }]);
  }
}

/** Loads a design document from JSON text or an already-parsed value. Never throws. */
export function loadDocument(input: string | unknown): LoadResult {
  const json = toJsonValue(input);
  if (!json.ok) return fail([json.error]);
  const hostile = findHostileKeys(json.value);
  if (hostile.length > 0) return fail(hostile);
  const headerErrors = checkHeader(json.value);
  if (headerErrors.length > 0) return fail(headerErrors);
  const raw = json.value as RawDocument;
  const migrated = runMigrations(raw, MIGRATIONS, CURRENT_SCHEMA_VERSION);
  if (!migrated.ok) return fail([{ path: 'schemaVersion', message: migrated.message }]);
  const result = parseSafely(migrated.doc);
  if (result.ok && migrated.applied.length > 0) {
    result.warnings.unshift(
      `upgraded from schema version ${String(raw.schemaVersion)}: ${migrated.applied.join(', ')}`,
    );
  }
  return result;
}
