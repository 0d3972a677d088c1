/**
 * Reading a bash script into az invocations without running anything: comments, line continuations, heredocs
 * (skipped), variables assigned in the script, `$VAR` / `${VAR}` / `${VAR:-default}` expansion, and `$(…)`
 * substitutions, which are never executed: `$(az … show … --query id -o tsv)` becomes the id of the resource it
 * names, anything else becomes an unresolved value with the reason. Words are split by shell-quote.
 */
import { parse, type ParseEntry } from 'shell-quote';
import type { ImportItem } from './report';
import { azCallOf, substitutionValue, type AzCall } from './az-words';

/** Largest script read, in characters: far above any real deployment script. */
export const MAX_SCRIPT_CHARS = 1_000_000;
/** Deepest `$(…)` nesting read. */
export const MAX_SUBSTITUTION_DEPTH = 4;
/** Longest statement (lines joined by continuations or open quotes). */
const MAX_STATEMENT_LINES = 400;

/** Marks a value that could not be known without running something: NUL never survives the input check. */
export const UNRESOLVED = '\u0000';
export const unresolvedValue = (why: string): string => `${UNRESOLVED}${why}${UNRESOLVED}`;
/** The reasons of the unresolved parts of a value (empty when it is fully known). */
export function unresolvedParts(value: string): string[] {
  const parts = value.split(UNRESOLVED);
  return parts.filter((_, i) => i % 2 === 1);
}

/** Control characters other than tab and newline (CR is normalised first). */
function controlAt(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10) || c === 127) return i;
  }
  return -1;
}
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Words that open or close shell control flow: the command after them is read as usual. */
const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', '!', 'time', '{', '}']);
/** Commands that deploy nothing: read silently. */
const QUIET = new Set(
  [
    'set',
    'echo',
    'printf',
    'exit',
    'return',
    '[[',
    ']]',
    '[',
    'test',
    'true',
    'false',
    ':',
    'cat',
    'shopt',
    'trap',
  ].concat([
    'cd',
    'sort',
    'sleep',
    'wait',
    'read',
    'unset',
    'shift',
    'source',
    '.',
    'fi',
    'esac',
    'case',
    'for',
    'function',
  ]),
);

interface Statement {
  line: number;
  text: string;
}

export interface LexResult {
  calls: AzCall[];
  items: ImportItem[];
}

interface Scan {
  /** Open quote or substitution at the end of the text: the statement goes on on the next line. */
  open: boolean;
  /** A heredoc delimiter started on this text, and whether it strips tabs (<<-). */
  heredoc?: { tag: string; strip: boolean };
}

/** Deepest nesting of quotes and `$( )` followed while scanning; deeper text counts as unterminated. */
const MAX_SCAN_DEPTH = 64;

const PLACEHOLDER = /^<[A-Za-z][A-Za-z0-9_-]*>(?=\s|$)/;
const wordStart = (text: string, i: number) => i === 0 || /[\s;&|(]/.test(text[i - 1]!);

/**
 * The index of the character closing the construct opened just before `i` (a quote, `$(` or `(`), following
 * bash's nesting: inside `$( )` quotes start afresh, inside double quotes only `$( )` and escapes matter. -1 when
 * it never closes.
 */
export function closeOf(text: string, i: number, kind: "'" | '"' | '(', depth = 0): number {
  if (depth > MAX_SCAN_DEPTH) return -1;
  if (kind === "'") return text.indexOf("'", i);
  for (let j = i; j < text.length; j++) {
    const ch = text[j]!;
    if (ch === '\\') j++;
    else if (kind === '"' && ch === '"') return j;
    else if (ch === '$' && text[j + 1] === '(') {
      j = closeOf(text, j + 2, '(', depth + 1);
      if (j < 0) return -1;
    } else if (ch === '`') {
      j = text.indexOf('`', j + 1);
      if (j < 0) return -1;
    } else if (kind === '"') continue;
    else if (ch === ')') return j;
    else if (ch === "'" || ch === '"' || ch === '(') {
      j = closeOf(text, j + 1, ch, depth + 1);
      if (j < 0) return -1;
    } else if (ch === '#' && wordStart(text, j)) {
      const nl = text.indexOf('\n', j);
      if (nl < 0) return -1;
      j = nl;
    }
  }
  return -1;
}

/** Quote state over one text: enough to join lines and find heredocs; the words are split by shell-quote. */
function scan(text: string): Scan {
  let heredoc: Scan['heredoc'];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\') i++;
    else if (ch === "'" || ch === '"' || (ch === '$' && text[i + 1] === '(') || ch === '`') {
      const end =
        ch === '`' ? text.indexOf('`', i + 1) : ch === '$' ? closeOf(text, i + 2, '(') : closeOf(text, i + 1, ch);
      if (end < 0) return { open: true, ...(heredoc ? { heredoc } : {}) };
      const inner = text.slice(i, end);
      const m = /<<(-?)\s*(['"]?)([A-Za-z0-9_]+)\2/.exec(inner);
      if (ch === '$' && m) heredoc = { tag: m[3]!, strip: m[1] === '-' };
      i = end;
    } else if (ch === '#' && wordStart(text, i)) {
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      i = nl;
    } else if (ch === '<' && text[i + 1] === '<' && text[i + 2] !== '<') {
      const m = /^<<(-?)\s*(['"]?)([A-Za-z0-9_]+)\2/.exec(text.slice(i));
      if (m) heredoc = { tag: m[3]!, strip: m[1] === '-' };
    }
  }
  return { open: false, ...(heredoc ? { heredoc } : {}) };
}

/** Logical statements: continuations joined, open quotes carried on, heredoc bodies skipped (with an item). */
function statements(text: string, items: ImportItem[]): Statement[] {
  const lines = text.split('\n');
  const out: Statement[] = [];
  for (let i = 0; i < lines.length; i++) {
    // Markdown code fences around a pasted script: their backticks are not command substitutions.
    if (/^\s*```/.test(lines[i]!)) continue;
    const start = i;
    // Parts joined once at the end: a long continued command stays linear.
    let parts = [lines[i]!];
    let chunk = parts[0]!;
    let joined = 0;
    let wasOpen = false;
    for (;;) {
      const continued = /(^|[^\\])\\[ \t]*$/.test(chunk) && !/^\s*#/.test(parts[0]!);
      // A closed prefix does not change how the new line scans: only an open one needs the whole text again.
      const s: Scan = wasOpen ? scan(parts.join('')) : scan(chunk);
      wasOpen = s.open;
      const heredoc = scan(chunk).heredoc;
      if (heredoc) {
        chunk = '';
        const body = skipHeredoc(lines, i + 1, heredoc);
        items.push({
          status: 'ignored',
          at: `line ${start + 1}`,
          what: 'heredoc',
          message: `${body.count} line(s) of inline text (e.g. Kubernetes manifests) are not imported`,
        });
        i = body.end;
        if (!s.open) break;
      } else if (!continued && !s.open) break;
      if (i + 1 >= lines.length || ++joined > MAX_STATEMENT_LINES) {
        if (!s.open) break;
        items.push({
          status: 'ignored',
          at: `line ${start + 1}`,
          what: firstWords(parts[0]!),
          message: 'unterminated quote or $( ): the command is not read',
        });
        // Only the line that opened it is dropped: what follows is read again on its own.
        parts = [];
        i = start;
        break;
      }
      i++;
      chunk = lines[i]!;
      if (continued) parts[parts.length - 1] = parts[parts.length - 1]!.replace(/\\[ \t]*$/, '');
      parts.push(continued ? ` ${chunk}` : `\n${chunk}`);
    }
    const stmt = parts.join('');
    if (stmt.trim() !== '') out.push({ line: start + 1, text: stmt });
  }
  return out;
}

function skipHeredoc(lines: string[], from: number, h: { tag: string; strip: boolean }) {
  let j = from;
  while (j < lines.length && (h.strip ? lines[j]!.replace(/^\t+/, '') : lines[j]) !== h.tag) j++;
  return { end: Math.min(j, lines.length - 1), count: j - from };
}

export const firstWords = (text: string): string => text.trim().split(/\s+/).slice(0, 4).join(' ').slice(0, 80);

export interface Env {
  vars: Map<string, string>;
  subs: string[];
  /** az commands found inside substitutions (`$(az … create … --query id -o tsv)` creates what it names). */
  inner: AzCall[];
  items: ImportItem[];
  line: number;
}

/**
 * Replaces each `$(…)` and backtick outside single quotes and comments by a `${@sub:N}` reference whose value is
 * known: the id an az query names, or an unresolved marker. Nothing is run.
 */
function replaceSubstitutions(text: string, env: Env, depth: number): string {
  let out = '';
  let inDouble = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    let end: number | null = null;
    if (ch === '\\') end = i + 1;
    else if (ch === "'" && !inDouble) end = closeOf(text, i + 1, "'");
    else if (ch === '#' && !inDouble && wordStart(text, i)) end = text.indexOf('\n', i) - 1;
    else if (ch === '"') inDouble = !inDouble;
    else if (ch === '<' && !inDouble && wordStart(text, i) && PLACEHOLDER.test(text.slice(i))) {
      // A documentation placeholder (<resource-group>), not a redirection: a value still to be filled in.
      const word = PLACEHOLDER.exec(text.slice(i))![0];
      env.subs.push(unresolvedValue(`placeholder ${word} is not filled in`));
      out += `\${@sub:${env.subs.length - 1}}`;
      i += word.length - 1;
      continue;
    } else if ((ch === '$' && text[i + 1] === '(' && text[i + 2] !== '(') || ch === '`') {
      const close = ch === '`' ? text.indexOf('`', i + 1) : closeOf(text, i + 2, '(');
      if (close < 0) return out + unresolvedValue('unterminated $( )');
      env.subs.push(substitute(text.slice(ch === '`' ? i + 1 : i + 2, close), env, depth + 1));
      out += `\${@sub:${env.subs.length - 1}}`;
      i = close;
      continue;
    }
    if (end === null) {
      out += ch;
      continue;
    }
    // A run copied as it is: an escape, a single-quoted string, a comment (to the end of its line or text).
    const stop = end < i ? text.length - 1 : end;
    out += text.slice(i, stop + 1);
    i = stop;
  }
  return out;
}

function substitute(body: string, env: Env, depth: number): string {
  if (depth > MAX_SUBSTITUTION_DEPTH) {
    const why = `$( ) nested deeper than ${MAX_SUBSTITUTION_DEPTH} levels: not read`;
    if (depth === MAX_SUBSTITUTION_DEPTH + 1)
      env.items.push({ status: 'ignored', at: `line ${env.line}`, what: `$(${firstWords(body)})`, message: why });
    return unresolvedValue(why);
  }
  const words = wordsOf(replaceSubstitutions(body, env, depth), env).commands[0] ?? [];
  const value = substitutionValue(words);
  if (value.call) env.inner.push({ ...value.call, line: env.line });
  if (value.unresolved !== undefined) {
    if (value.quiet) return unresolvedValue(value.unresolved);
    env.items.push({
      status: 'ignored',
      at: `line ${env.line}`,
      what: `$(${firstWords(body)})`,
      message: `not executed: ${value.unresolved}`,
    });
    return unresolvedValue(value.unresolved);
  }
  return value.text ?? '';
}

/** A variable's value; `${NAME:-default}` and `${NAME-default}` take the default when NAME is not assigned. */
function lookup(key: string, env: Env): string {
  const sub = /^@sub:(\d+)$/.exec(key);
  if (sub) return env.subs[Number(sub[1])] ?? '';
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(:?[-=])([\s\S]*)$/.exec(key);
  if (m) return env.vars.get(m[1]!) ?? expandPlain(m[3]!, env);
  if (NAME.test(key)) return env.vars.get(key) ?? unresolvedValue(`variable ${key} is not assigned in the script`);
  return unresolvedValue(`\${${key.slice(0, 40)}} is not read`);
}

/** Expansion inside a default value (already free of substitutions). */
function expandPlain(text: string, env: Env): string {
  return text
    .replace(/\$\{([^}]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, a: string | undefined, b: string | undefined) =>
      lookup(a ?? b ?? '', env),
    )
    .replace(/^"([\s\S]*)"$|^'([\s\S]*)'$/, (_, a: string | undefined, b: string | undefined) => a ?? b ?? '');
}

/** Splits text into simple commands of words (operators separate commands, redirections drop their target). */
function wordsOf(text: string, env: Env): { commands: string[][] } {
  let entries: ParseEntry[];
  try {
    entries = parse(text, (key: string) => lookup(key, env));
  } catch {
    return { commands: [] };
  }
  const commands: string[][] = [[]];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (typeof e === 'string') commands[commands.length - 1]!.push(e);
    else if ('comment' in e) break;
    else if (e.op === 'glob') commands[commands.length - 1]!.push(e.pattern);
    else if (['<', '>', '>>', '>&', '<<', '<<<', '<<-'].includes(e.op)) {
      // A redirection (or a heredoc's <<) takes the next word: the file or the delimiter.
      while (i + 1 < entries.length && typeof entries[i + 1] === 'object' && 'op' in (entries[i + 1] as object)) i++;
      i++;
    } else if (e.op !== '(' && e.op !== ')' && e.op !== '<(') commands.push([]);
  }
  return { commands: commands.filter((c) => c.length > 0) };
}

/** One simple command: assignments set variables; az commands become calls; others are skipped or reported. */
function command(words: string[], env: Env, calls: AzCall[]): void {
  let w = words;
  while (w.length && KEYWORDS.has(w[0]!)) w = w.slice(1);
  if (['export', 'local', 'readonly', 'declare'].includes(w[0] ?? '')) w = w.slice(1).filter((x) => !x.startsWith('-'));
  const assigns: [string, string][] = [];
  while (w.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(w[0]!)) {
    const [name, ...rest] = w[0]!.split('=');
    assigns.push([name!, rest.join('=')]);
    w = w.slice(1);
  }
  if (w.length === 0) {
    for (const [name, value] of assigns) env.vars.set(name, value);
    return;
  }
  const head = w[0]!;
  if (head === 'az') {
    const call = azCallOf(w.slice(1), env.line);
    if (call) calls.push(call);
    return;
  }
  if (QUIET.has(head) || head.startsWith('#')) return;
  env.items.push({
    status: 'ignored',
    at: `line ${env.line}`,
    what: firstWords(w.join(' ')),
    message: 'not an az command: not read',
  });
}

/** Every az command of the script, in order, with an item for each problem found while reading. */
export function lexScript(text: string): LexResult {
  const items: ImportItem[] = [];
  const calls: AzCall[] = [];
  const env: Env = { vars: new Map(), subs: [], inner: [], items, line: 0 };
  for (const st of statements(text.replace(/\r\n?/g, '\n'), items)) {
    env.line = st.line;
    if (controlAt(st.text) >= 0 || st.text.includes('${@sub:')) {
      items.push({
        status: 'ignored',
        at: `line ${st.line}`,
        what: firstWords(st.text.slice(0, Math.max(0, controlAt(st.text)))),
        message: 'control characters or a reserved ${@sub:…} reference: the line is not read',
      });
      continue;
    }
    env.inner = [];
    const replaced = replaceSubstitutions(st.text, env, 0);
    const { commands } = wordsOf(replaced, env);
    calls.push(...env.inner);
    for (const words of commands) command(words, env, calls);
  }
  return { calls, items };
}
