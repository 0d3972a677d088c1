import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../io';
import { listTemplates, TEMPLATES } from './templates';

describe('templates', () => {
  it('offers every example design, each of which loads', () => {
    const files = readdirSync(new URL('../../examples/', import.meta.url))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''))
      .sort();
    expect(TEMPLATES.map((t) => t.file)).toEqual(files);
    for (const t of TEMPLATES) expect(loadDocument(t.doc).ok, t.file).toBe(true);
  });

  it('names a template after its design, or its file when the design has no name', () => {
    expect(listTemplates({ '../../examples/b.json': { meta: { name: 'Hub' } }, '../../examples/a.json': {} })).toEqual([
      { file: 'a', name: 'a', doc: {} },
      { file: 'b', name: 'Hub', doc: { meta: { name: 'Hub' } } },
    ]);
  });
});
