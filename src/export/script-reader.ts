/**
 * Reads the az commands back out of a generated script's text, the way bash would split them into words:
 * single-quoted runs are literal, "${NAME}" runs take the parameter's value, a backslash-newline joins lines.
 * Tests use it to check the text itself (not the data it was rendered from) against the flag table.
 */
import type { AzCommand } from './az-model';
import { lit } from './shell';

/** Splits one command line into words; throws on anything but the quoting the generator writes. */
export function splitWords(line: string, params: Record<string, string>): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let i = 0;
  while (i < line.length) {
    const ch = line[i]!;
    if (ch === ' ') {
      if (word !== null) words.push(word);
      word = null;
      i++;
    } else if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unterminated single quote at ${i}`);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end + 1;
    } else if (ch === '\\' && line[i + 1] === "'") {
      word = (word ?? '') + "'";
      i += 2;
    } else if (line.startsWith('"${', i)) {
      const end = line.indexOf('}"', i);
      const name = line.slice(i + 3, end);
      if (end < 0 || !/^[A-Z][A-Z0-9_]*$/.test(name)) throw new Error(`unexpected double-quoted text at ${i}`);
      word = (word ?? '') + (params[name] ?? '');
      i = end + 2;
    } else if (/[A-Za-z0-9-]/.test(ch)) {
      // Command names and flags are bare words of letters, digits and hyphens: nothing bash would expand.
      word = (word ?? '') + ch;
      i++;
    } else throw new Error(`unquoted character ${JSON.stringify(ch)} at ${i}`);
  }
  if (word !== null) words.push(word);
  return words;
}

/** Every `az` invocation of the script (plain or captured in NAME="$(az ...)"), heredoc bodies skipped. */
export function readAzCommands(script: string, params: Record<string, string>): AzCommand[] {
  const lines = script.split('\n');
  const out: AzCommand[] = [];
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /<<'([A-Z0-9_]+)'$/.exec(lines[i]!);
    if (heredoc) {
      while (i < lines.length && lines[i] !== heredoc[1]) i++;
      continue;
    }
    const start = /^(?:([A-Z][A-Z0-9_]*)="\$\()?az (.*)$/.exec(lines[i]!);
    if (!start || lines[i]!.startsWith('SUBSCRIPTION_ID=')) continue;
    let text = start[2]!;
    while (text.endsWith(' \\')) text = `${text.slice(0, -2)} ${lines[++i]!.trim()}`;
    if (start[1]) {
      if (!text.endsWith(')"')) throw new Error(`line ${i + 1}: capture not closed`);
      text = text.slice(0, -2);
    }
    const words = splitWords(text, params);
    const firstFlag = words.findIndex((w) => w.startsWith('--'));
    const cmd: AzCommand = { path: words.slice(0, firstFlag < 0 ? words.length : firstFlag), flags: [] };
    for (const w of firstFlag < 0 ? [] : words.slice(firstFlag)) {
      if (w.startsWith('--')) cmd.flags.push({ flag: w, values: [] });
      else cmd.flags[cmd.flags.length - 1]!.values.push(lit(w));
    }
    out.push(cmd);
  }
  return out;
}
