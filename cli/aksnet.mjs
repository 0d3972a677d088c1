#!/usr/bin/env node
// Entry of `npx aksnet`: runs the TypeScript CLI through tsx, so no build step is needed.
import { register } from 'tsx/esm/api';

// A reader that stops early (`aksnet plan x.json | head`) closes the pipe: that is not an error, so exit quietly
// with the code so far instead of printing an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

register();
const { main } = await import('./main.ts');
const { terminalSafe } = await import('./terminal.ts');
process.exitCode = await main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  // File content goes through unchanged into a pipe or a redirect; a terminal gets it escaped.
  data: (s) => process.stdout.write(process.stdout.isTTY ? terminalSafe(s) : s),
});
