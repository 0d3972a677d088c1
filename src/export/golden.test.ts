/**
 * Golden files: every example in every format. After a deliberate change, `UPDATE_GOLDEN=1 npx vitest run
 * src/export/golden.test.ts` rewrites them; review `git diff src/export/golden` before committing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportAs } from './formats';
import { example, exampleNames } from './test-support';

const DIR = new URL('./golden/', import.meta.url);
const EXT = { az: 'sh', bicep: 'bicep', k8s: 'yaml', md: 'md', csv: 'csv' } as const;
const UPDATE = 'UPDATE_GOLDEN=1 npx vitest run src/export/golden.test.ts';

/** Where two texts first differ, as a short readable hint (vitest's own diff of long strings is truncated). */
function firstDifference(want: string, got: string): string {
  const a = want.split('\n');
  const b = got.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i])
      return `line ${i + 1}:\n  golden: ${JSON.stringify(a[i] ?? '<end of file>')}\n  export: ${JSON.stringify(b[i] ?? '<end of file>')}`;
  }
  return 'no difference';
}

describe('golden exports', () => {
  it('covers the six examples', () => {
    expect(exampleNames()).toEqual([
      'aks-baseline',
      'broken',
      'landing-zone-private',
      'seed-azure-cni',
      'seed-kubenet',
      'workshop-hub-spoke',
    ]);
  });

  for (const name of exampleNames()) {
    for (const f of EXPORT_FORMATS) {
      const file = `${name}.${EXT[f.id]}`;
      it(`${name} as ${f.id}`, () => {
        const { design, plan } = example(name);
        const text = exportAs(f.id, design, plan);
        const url = new URL(file, DIR);
        if (process.env.UPDATE_GOLDEN === '1') {
          mkdirSync(DIR, { recursive: true });
          writeFileSync(url, text);
        }
        if (!existsSync(url)) expect.fail(`missing src/export/golden/${file}; create it with ${UPDATE}`);
        const golden = readFileSync(url, 'utf8');
        if (text !== golden) {
          expect.fail(
            `export differs from src/export/golden/${file} at ${firstDifference(golden, text)}\nIf the change is intended: ${UPDATE}, then review git diff src/export/golden`,
          );
        }
      });
    }
  }
});
