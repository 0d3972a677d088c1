/** Where a command writes; tests pass collectors, the binary passes stdout and stderr. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export type Command = (args: string[], io: CliIo) => Promise<number>;
