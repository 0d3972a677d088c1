/** Checks az commands against the flag table: known command, known flags, switches without values, enum values. */
import type { AzCommand } from './az-model';
import { AZ_COMMANDS } from './az-flags';
import { wordValue } from './shell';

/** Values for the script's parameters when reading a word back (parameters never hold enum values). */
const SAMPLE_PARAMS = { RESOURCE_GROUP: 'rg', LOCATION: 'eastus2', NAME_PREFIX: '', SUBSCRIPTION_ID: 'sub' };

export function azTableProblems(commands: AzCommand[]): string[] {
  const problems: string[] = [];
  for (const cmd of commands) {
    const key = cmd.path.join(' ');
    const spec = AZ_COMMANDS[key];
    if (!spec) {
      problems.push(`unknown command az ${key}`);
      continue;
    }
    const seen = new Set<string>();
    for (const f of cmd.flags) {
      if (seen.has(f.flag)) problems.push(`az ${key}: ${f.flag} given twice`);
      seen.add(f.flag);
      const allowed = spec.flags[f.flag];
      if (allowed === undefined) problems.push(`az ${key}: unknown flag ${f.flag}`);
      else if (allowed !== null && allowed.length === 0 && f.values.length > 0)
        problems.push(`az ${key} ${f.flag} takes no value`);
      else if (f.values.length === 0 && (allowed === null || allowed.length > 0))
        problems.push(`az ${key} ${f.flag} needs a value`);
      else if (allowed !== null) {
        for (const v of f.values) {
          const text = wordValue(v, SAMPLE_PARAMS);
          if (!allowed.includes(text)) problems.push(`az ${key} ${f.flag} ${text} not in ${allowed.join('|')}`);
        }
      }
    }
  }
  return problems;
}
