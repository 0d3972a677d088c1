/**
 * Shell checks of the generated az scripts, in batches: one `bash -n` reads a hundred scripts, each wrapped in a
 * function (a complete script is a valid function body), because starting bash once per design would take most
 * of a 10,000-run fuzz. A batch that fails is checked script by script to name the culprit.
 */
import { spawnSync } from 'node:child_process';

function bashN(text: string): string | null {
  const r = spawnSync('bash', ['-n'], { input: text, encoding: 'utf8' });
  if (r.error) throw new Error(`bash is required: ${r.error.message}`);
  return r.status === 0 ? null : r.stderr.trim();
}

/** Indexes of the scripts that fail `bash -n`, with bash's message. */
export function bashSyntaxFailures(scripts: readonly string[], batch = 100): { index: number; message: string }[] {
  const out: { index: number; message: string }[] = [];
  for (let start = 0; start < scripts.length; start += batch) {
    const part = scripts.slice(start, start + batch);
    const joined = part.map((s, i) => `__fuzz_script_${i}() {\n${s}\n}\n`).join('');
    if (bashN(joined) === null) continue;
    part.forEach((s, i) => {
      const message = bashN(s);
      if (message !== null) out.push({ index: start + i, message });
    });
  }
  return out;
}

/** shellcheck's findings at warning level and above. */
export function shellcheck(script: string): string {
  const r = spawnSync('shellcheck', ['-s', 'bash', '-S', 'warning', '-'], { input: script, encoding: 'utf8' });
  if (r.error) throw new Error(`shellcheck is required (Debian package shellcheck): ${r.error.message}`);
  return r.stdout + r.stderr;
}
