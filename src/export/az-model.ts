/** az commands as data: the script is rendered from these, and tests check them against the flag table. */
import { lit, param, renderWord, type Word } from './shell';

export interface AzFlag {
  flag: string;
  /** Values after the flag (several for list flags like --address-prefixes); none for a switch. */
  values: Word[];
}

export interface AzCommand {
  /** The command path after `az`, e.g. ['network', 'vnet', 'create']. */
  path: string[];
  flags: AzFlag[];
  /** A comment line above the command. */
  comment?: string;
  /** Capture the output into a parameter: NAME="$(az ...)". */
  assignTo?: string;
}

/** Builds flags, dropping those whose value is undefined. */
export class Flags {
  readonly list: AzFlag[] = [];
  add(flag: string, value: Word | string | number | undefined | null): this {
    if (value === undefined || value === null) return this;
    this.list.push({ flag, values: [typeof value === 'object' ? value : lit(String(value))] });
    return this;
  }
  many(flag: string, values: (Word | string)[]): this {
    if (values.length > 0) this.list.push({ flag, values: values.map((v) => (typeof v === 'string' ? lit(v) : v)) });
    return this;
  }
  switch(flag: string, on = true): this {
    if (on) this.list.push({ flag, values: [] });
    return this;
  }
}

/** Flags of a command on the deployment's resource group: `--resource-group` first. */
export const inGroup = () => new Flags().add('--resource-group', param('RESOURCE_GROUP'));

/** Flags of a resource's `create`: the resource group, the resource's name and the deployment's location. */
export const createdAs = (name: Word | string) => inGroup().add('--name', name).add('--location', param('LOCATION'));

/** Flags of a command on a child resource: the resource group, the parent (`parentFlag`, e.g. --nsg-name) and the name. */
export const childOf = (parentFlag: string, parent: Word | string, name: Word | string) =>
  inGroup().add(parentFlag, parent).add('--name', name);

export function az(path: string, flags: Flags, comment?: string): AzCommand {
  const cmd: AzCommand = { path: path.split(' '), flags: flags.list };
  if (comment) cmd.comment = comment;
  return cmd;
}

export function renderCommand(cmd: AzCommand): string {
  let body = `az ${cmd.path.join(' ')}`;
  for (const f of cmd.flags) {
    body += ` \\\n  ${f.flag}`;
    for (const v of f.values) body += ` ${renderWord(v)}`;
  }
  const line = cmd.assignTo ? `${cmd.assignTo}="$(${body})"` : body;
  return cmd.comment ? `# ${cmd.comment.replace(/[\r\n]+/g, ' ')}\n${line}` : line;
}
