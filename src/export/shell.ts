/**
 * Shell words for the az CLI script. Every literal is single-quoted (inside single quotes bash expands
 * nothing: no $(), no backticks, no variables, and a newline stays a newline), a single quote is written as
 * '\'' . Variables are only ever our own parameter names, expanded inside double quotes.
 */

/** A part of one shell word: a literal, or one of the script's own parameters. */
export type WordPart = { lit: string } | { param: string };
export type Word = WordPart[];

const PARAM = /^[A-Z][A-Z0-9_]*$/;

export function shQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function lit(text: string): Word {
  return [{ lit: text }];
}

export function param(name: string): Word {
  if (!PARAM.test(name)) throw new Error(`not a parameter name: ${name}`);
  return [{ param: name }];
}

export function concat(...words: Word[]): Word {
  return words.flat();
}

/** One shell word from its parts, adjacent so bash joins them: "${RG}"'/suffix'. */
export function renderWord(word: Word): string {
  // Adjacent literals are merged so each quoted run is as long as possible.
  const merged: WordPart[] = [];
  for (const p of word) {
    const last = merged[merged.length - 1];
    if (last && 'lit' in last && 'lit' in p) merged[merged.length - 1] = { lit: last.lit + p.lit };
    else merged.push(p);
  }
  if (merged.length === 0) return "''";
  return merged.map((p) => ('param' in p ? `"\${${p.param}}"` : shQuote(p.lit))).join('');
}

/** The plain value of a word given parameter values (tests use it to read a script back). */
export function wordValue(word: Word, params: Record<string, string>): string {
  return word.map((p) => ('param' in p ? (params[p.param] ?? '') : p.lit)).join('');
}
