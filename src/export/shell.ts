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
  return text.includes("'") ? `'${text.replace(/'/g, `'\\''`)}'` : `'${text}'`;
}

export function lit(text: string): Word {
  return [{ lit: text }];
}

export function param(name: string): Word {
  if (!PARAM.test(name)) throw new Error(`not a parameter name: ${name}`);
  return [{ param: name }];
}

export function concat(...words: Word[]): Word {
  const out: Word = [];
  for (const w of words) for (const p of w) out.push(p);
  return out;
}

/** One shell word from its parts, adjacent so bash joins them: "${RG}"'/suffix'. */
export function renderWord(word: Word): string {
  // Adjacent literals are merged so each quoted run is as long as possible.
  let out = '';
  let run: string | null = null;
  for (const p of word) {
    if ('lit' in p) run = run === null ? p.lit : run + p.lit;
    else {
      if (run !== null) out += shQuote(run);
      run = null;
      out += `"\${${p.param}}"`;
    }
  }
  if (run !== null) out += shQuote(run);
  return out === '' ? "''" : out;
}

/** The plain value of a word given parameter values (tests use it to read a script back). */
export function wordValue(word: Word, params: Record<string, string>): string {
  return word.map((p) => ('param' in p ? (params[p.param] ?? '') : p.lit)).join('');
}
