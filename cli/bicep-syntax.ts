/**
 * Bicep syntax check with the tree-sitter-bicep grammar (WASM, no compiler needed). Node-only: tests and the
 * CLI use it; the app does not.
 */
import { createRequire } from 'node:module';
import { Language, Parser, type Node } from 'web-tree-sitter';

let parser: Parser | null = null;

/** The tree-sitter-bicep parser, loaded once (the Bicep importer takes it). */
export async function getParser(): Promise<Parser> {
  if (parser) return parser;
  const require = createRequire(import.meta.url);
  await Parser.init();
  const lang = await Language.load(require.resolve('tree-sitter-bicep/tree-sitter-bicep.wasm'));
  parser = new Parser();
  parser.setLanguage(lang);
  return parser;
}

export interface SyntaxProblem {
  line: number;
  column: number;
  kind: 'error' | 'missing';
  text: string;
}

/** Every ERROR or MISSING node of a Bicep text, with its position. */
export async function bicepSyntaxProblems(text: string): Promise<SyntaxProblem[]> {
  const tree = (await getParser()).parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  const out: SyntaxProblem[] = [];
  const walk = (n: Node) => {
    if (n.isError || n.isMissing) {
      out.push({
        line: n.startPosition.row + 1,
        column: n.startPosition.column + 1,
        kind: n.isMissing ? 'missing' : 'error',
        text: n.text.slice(0, 60),
      });
    }
    if (n.hasError) for (const c of n.children) if (c) walk(c);
  };
  walk(tree.rootNode);
  tree.delete();
  return out;
}
