/**
 * Terminal output of the CLI. Names in a design are free text: a bidi override (U+202E) makes a printed line read
 * differently from what it holds, zero-width characters hide the difference between two names, and control
 * characters move the cursor or recolour the terminal. Everything the CLI prints goes through `terminalSafe`
 * (main.ts applies it to both streams), which shows such characters as `\u202e`-style escapes. That escape is
 * also valid inside a JSON string, so --json output stays parseable and means the same.
 */

/**
 * C0 controls but tab and newline, DEL, C1 controls; Arabic letter mark; Mongolian vowel separator; zero-width
 * space, non-joiner and joiner; left-to-right and right-to-left marks; line and paragraph separators; bidi
 * embeddings, overrides and isolates; word joiner and invisible operators; zero-width no-break space (BOM).
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

/** `\n`, `\t`, `\u001b`, `\u202e`: JSON's own escape where it has one. */
function escape(c: string): string {
  return c < ' ' ? JSON.stringify(c).slice(1, -1) : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Text safe to print: tab and newline kept, every other control or invisible formatting character escaped. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escape);
}

/** One value on one line (a name, a path, a message): newlines and tabs escaped too. */
export function printable(text: string): string {
  return terminalSafe(text).replace(/[\n\t]/g, escape);
}
