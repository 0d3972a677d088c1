/**
 * Golden files: every example in every format. `UPDATE_GOLDEN=1 npx vitest run src/export` rewrites them after
 * a deliberate change; review the diff before committing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportAs } from './formats';
import { example, exampleNames } from './test-support';

const DIR = new URL('./golden/', import.meta.url);
const EXT = { az: 'sh', bicep: 'bicep', k8s: 'yaml', md: 'md', csv: 'csv' } as const;

describe('golden exports', () => {
  for (const name of exampleNames()) {
    for (const f of EXPORT_FORMATS) {
      it(`${name} as ${f.id}`, () => {
        const { design, plan } = example(name);
        const text = exportAs(f.id, design, plan);
        const file = new URL(`${name}.${EXT[f.id]}`, DIR);
        if (process.env.UPDATE_GOLDEN === '1') {
          mkdirSync(DIR, { recursive: true });
          writeFileSync(file, text);
        }
        expect(existsSync(file), `missing src/export/golden/${name}.${EXT[f.id]}; run UPDATE_GOLDEN=1 npx vitest run src/export`).toBe(true);
        expect(text, `differs from src/export/golden/${name}.${EXT[f.id]}; run UPDATE_GOLDEN=1 npx vitest run src/export to accept`).toBe(readFileSync(file, 'utf8'));
      });
    }
  }
});
