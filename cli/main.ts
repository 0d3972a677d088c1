/**
 * aksnet: the headless command over the planning core.
 * Exit codes: 0 ok, 1 the design has errors (validate), the designs differ (diff) or a cluster fails its
 * address preflight (capacity), 2 unreadable or invalid input / bad usage.
 */
import type { CliIo, Command } from './io';
import { terminalSafe } from './terminal';
import { planCommand } from './commands/plan';
import { validateCommand } from './commands/validate';
import { routesCommand } from './commands/routes';
import { traceCommand } from './commands/trace';
import { exportCommand } from './commands/export';
import { netpolCommand } from './commands/netpol';
import { migrateCommand } from './commands/migrate';
import { importCommand } from './commands/import';
import { diffCommand, DIFF_USAGE } from './commands/diff';
import { capacityCommand } from './commands/capacity';
import { allocateCommand, ALLOCATE_USAGE } from './commands/allocate';
import { lessonCommand, LESSON_USAGE } from './commands/lesson';

const COMMANDS: Record<string, { run: Command; usage: string }> = {
  plan: { run: planCommand, usage: 'aksnet plan DESIGN.json [--json]' },
  validate: { run: validateCommand, usage: 'aksnet validate DESIGN.json [--json]' },
  routes: { run: routesCommand, usage: 'aksnet routes DESIGN.json [--subnet NAME] [--json]' },
  trace: { run: traceCommand, usage: 'aksnet trace DESIGN.json --from POOL_OR_SUBNET --to IP|internet [--json]' },
  export: { run: exportCommand, usage: 'aksnet export DESIGN.json --format az|bicep|k8s|md|csv [-o FILE]' },
  import: {
    run: importCommand,
    usage: 'aksnet import FILE|- [--from az|bicep|arm|azjson] [-o design.json]',
  },
  migrate: {
    run: migrateCommand,
    usage: 'aksnet migrate DESIGN.json --cluster NAME --to overlay|cilium [--pod-cidr CIDR] [-o FILE] [--json]',
  },
  netpol: {
    run: netpolCommand,
    usage:
      'aksnet netpol MANIFESTS… [-o txt|json|md|csv] [--from NS/NAME --to NS/NAME|IP [--port N] [--protocol P] [--json] [--explain]] | --diff A B',
  },
  diff: { run: diffCommand, usage: DIFF_USAGE },
  capacity: { run: capacityCommand, usage: 'aksnet capacity DESIGN.json [--json]' },
  allocate: { run: allocateCommand, usage: ALLOCATE_USAGE },
  lesson: { run: lessonCommand, usage: LESSON_USAGE },
};

export function usage(): string {
  return ['Usage:', ...Object.values(COMMANDS).map((c) => `  ${c.usage}`), ''].join('\n');
}

/** Every line goes through terminalSafe: names with bidi, zero-width or control characters print escaped. */
function safeIo(io: CliIo): CliIo {
  const out = (s: string) => io.out(terminalSafe(s));
  return { ...io, out, err: (s) => io.err(terminalSafe(s)), data: io.data ?? out };
}

export async function main(argv: string[], rawIo: CliIo): Promise<number> {
  const io = safeIo(rawIo);
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name ? 0 : 2;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    io.err(`aksnet: unknown command "${name}"\n${usage()}`);
    return 2;
  }
  return cmd.run(rest, io);
}
