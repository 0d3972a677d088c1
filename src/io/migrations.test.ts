import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDocument } from './load';
import { checkMigrationList, MIGRATIONS, runMigrations, type Migration, type RawDocument } from './migrations';
import { serializeDocument } from './save';
import { CURRENT_SCHEMA_VERSION } from './schema';

const FIXTURES = new URL('../../fixtures/migrations/', import.meta.url);

/** Synthetic history: v2 renames meta.title to meta.name, v3 adds a design.tags list. */
const SYNTHETIC: Migration[] = [
  {
    id: 'RenameTitleToName',
    to: 2,
    up: (doc) => {
      const meta = doc.meta as Record<string, unknown>;
      const { title, ...rest } = meta;
      return { ...doc, meta: { ...rest, name: title } };
    },
  },
  {
    id: 'AddTags',
    to: 3,
    up: (doc) => ({ ...doc, design: { ...(doc.design as RawDocument), tags: [] } }),
  },
];

describe('migration runner', () => {
  it('the shipped list is well formed and reaches the current version', () => {
    expect(checkMigrationList(MIGRATIONS, CURRENT_SCHEMA_VERSION)).toBeNull();
  });

  it('applies every step above the file version, in order, and stamps each version', () => {
    const v1 = { format: 'aks-network-design', schemaVersion: 1, meta: { title: 'old' }, design: { location: 'x' } };
    const r = runMigrations(v1, SYNTHETIC, 3);
    expect(r).toEqual({
      ok: true,
      applied: ['RenameTitleToName', 'AddTags'],
      doc: {
        format: 'aks-network-design',
        schemaVersion: 3,
        meta: { name: 'old' },
        design: { location: 'x', tags: [] },
      },
    });
    // The input is never modified: steps run on clones.
    expect(v1).toEqual({
      format: 'aks-network-design',
      schemaVersion: 1,
      meta: { title: 'old' },
      design: { location: 'x' },
    });
  });

  it('skips the steps at or below the file version', () => {
    const v2 = { schemaVersion: 2, meta: { name: 'n' }, design: {} };
    expect(runMigrations(v2, SYNTHETIC, 3)).toEqual({
      ok: true,
      applied: ['AddTags'],
      doc: { schemaVersion: 3, meta: { name: 'n' }, design: { tags: [] } },
    });
    expect(runMigrations({ schemaVersion: 3 }, SYNTHETIC, 3)).toEqual({
      ok: true,
      applied: [],
      doc: { schemaVersion: 3 },
    });
  });

  it('reports a step that throws, naming it', () => {
    const broken: Migration[] = [
      {
        id: 'Explode',
        to: 2,
        up: () => {
          throw new Error('no meta');
        },
      },
    ];
    expect(runMigrations({ schemaVersion: 1 }, broken, 2)).toEqual({
      ok: false,
      message: 'could not upgrade to version 2 (step Explode): no meta',
    });
  });

  it('refuses a list with a gap, a duplicate id or the wrong end', () => {
    const gap: Migration[] = [{ ...SYNTHETIC[1]!, to: 3 }];
    expect(checkMigrationList(gap, 3)).toBe('migration "AddTags" produces version 3; expected 2');
    const dup: Migration[] = [SYNTHETIC[0]!, { ...SYNTHETIC[0]!, to: 3 }];
    expect(checkMigrationList(dup, 3)).toBe('migration id "RenameTitleToName" is used twice');
    expect(checkMigrationList(SYNTHETIC, 4)).toBe('migrations reach version 3 but the current version is 4');
  });
});

describe('migration fixtures (kept forever)', () => {
  it('v1-minimal.json loads to its expected current-version document', () => {
    const before = readFileSync(new URL('v1-minimal.json', FIXTURES), 'utf8');
    const expected = readFileSync(new URL('v1-minimal.expected.json', FIXTURES), 'utf8');
    const r = loadDocument(before);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(serializeDocument(r.doc)).toBe(expected);
  });

  it('every shipped migration has a before/after fixture pair', () => {
    for (const m of MIGRATIONS) {
      expect(existsSync(new URL(`${m.id}.before.json`, FIXTURES)), `${m.id}.before.json`).toBe(true);
      expect(existsSync(new URL(`${m.id}.after.json`, FIXTURES)), `${m.id}.after.json`).toBe(true);
      const r = loadDocument(readFileSync(new URL(`${m.id}.before.json`, FIXTURES), 'utf8'));
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      expect(serializeDocument(r.doc)).toBe(readFileSync(new URL(`${m.id}.after.json`, FIXTURES), 'utf8'));
    }
  });
});
