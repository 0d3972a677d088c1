/**
 * Dependencies point one way: core ← export, io ← store ← canvas, panels. The core is pure: no React, no
 * store, no DOM or Node APIs. Checked on the import statements of every source file.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  const abs = join(ROOT, dir);
  let entries: string[];
  try {
    entries = readdirSync(abs);
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const p = join(abs, e);
    if (statSync(p).isDirectory()) return sourceFiles(relative(ROOT, p));
    // Tests and their helpers may use Node and other layers; shipped code may not.
    return /\.(ts|tsx)$/.test(e) && !/(\.test\.tsx?|test-support\.ts)$/.test(e) ? [relative(ROOT, p)] : [];
  });
}

/** Module specifiers of every import form: static, re-export, side-effect, dynamic and require. */
function specifiersIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"`;]*?from\s*['"]([^'"]+)['"]/g)) out.push(m[1]!);
  for (const m of text.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)) out.push(m[1]!);
  for (const m of text.matchAll(/\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  return out;
}

function importsOf(file: string): string[] {
  return specifiersIn(readFileSync(join(ROOT, file), 'utf8'));
}

/** The src folder an import lands in ('core', 'io', ...) or the package name. */
function target(file: string, spec: string): string {
  if (!spec.startsWith('.')) return spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
  const resolved = relative(join(ROOT, 'src'), join(ROOT, file, '..', spec));
  if (!resolved.startsWith('..')) return `src/${resolved.split('/')[0]}`;
  const fromRoot = relative(ROOT, join(ROOT, file, '..', spec));
  return fromRoot.startsWith('..') ? `outside:${fromRoot}` : fromRoot.split('/')[0]!;
}

const ALLOWED: Record<string, (t: string) => boolean> = {
  // yaml and zod are pure libraries; the core reads NetworkPolicy YAML with them (src/core/netpol/parse.ts).
  core: (t) => t === 'src/core' || t === 'ipaddr.js' || t === 'yaml' || t === 'zod',
  // elkjs: the diagram layout, pure JavaScript with no DOM or I/O.
  export: (t) => t === 'src/core' || t === 'src/export' || t === 'yaml' || t === 'elkjs',
  // shell-quote splits imported az scripts into words (src/io/import/az-lex.ts); pure, it runs nothing.
  io: (t) =>
    t === 'src/core' || t === 'src/io' || t === 'zod' || t === 'lz-string' || t === 'yaml' || t === 'shell-quote',
  store: (t) => !['src/canvas', 'src/panels', 'src/App.tsx'].includes(t) && !t.startsWith('@xyflow'),
};

const UI = [
  'src/store',
  'src/canvas',
  'src/panels',
  'src/App.tsx',
  'src/main.tsx',
  'react',
  'react-dom',
  'zustand',
  '@xyflow/react',
];

describe('architecture', () => {
  it('reads every import form', () => {
    const text = [
      "import a from 'a';",
      "import type { B } from '../b';",
      "export * from './c';",
      "import 'd';",
      "const e = await import('e');",
      "const f = require('f');",
      "import {\n  g,\n} from 'g';",
    ].join('\n');
    expect(specifiersIn(text).sort()).toEqual(['../b', './c', 'a', 'd', 'e', 'f', 'g']);
  });

  it('cli and bench use the core, exports and io, never the UI layers', () => {
    const bad = ['cli', 'bench'].flatMap(sourceFiles).flatMap((f) =>
      importsOf(f)
        .map((s) => target(f, s))
        .filter((t) => UI.includes(t))
        .map((t) => `${f} → ${t}`),
    );
    expect(bad).toEqual([]);
  });

  for (const [area, ok] of Object.entries(ALLOWED)) {
    it(`src/${area} imports only what it may`, () => {
      const bad = sourceFiles(`src/${area}`).flatMap((f) =>
        importsOf(f)
          .map((s) => target(f, s))
          .filter((t) => !ok(t))
          .map((t) => `${f} → ${t}`),
      );
      expect(bad).toEqual([]);
    });
  }

  it('only src/core/cidr.ts imports ipaddr.js', () => {
    const files = ['src', 'cli', 'bench'].flatMap(sourceFiles).filter((f) => importsOf(f).includes('ipaddr.js'));
    expect(files).toEqual(['src/core/cidr.ts']);
  });

  it('in the core only src/core/netpol reads YAML and zod', () => {
    const files = sourceFiles('src/core').filter((f) => importsOf(f).some((s) => s === 'yaml' || s === 'zod'));
    expect(files.every((f) => f.startsWith('src/core/netpol/'))).toBe(true);
  });

  it('the core uses no clock, randomness, DOM or Node API', () => {
    const bad = sourceFiles('src/core').filter((f) =>
      /\b(Date\.now|Math\.random|document\.|window\.|localStorage|process\.|require\()/.test(
        readFileSync(join(ROOT, f), 'utf8'),
      ),
    );
    expect(bad).toEqual([]);
  });
});
