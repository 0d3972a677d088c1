/** Where a command writes; tests pass collectors, the binary passes stdout and stderr. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /**
   * File content written to stdout (an export without -o): the binary passes it unchanged into a pipe or a file
   * and escapes it only on a terminal. Absent: printed like `out`.
   */
  data?: (text: string) => void;
  /** Reads standard input (`-` as a file), null when it is over `limit` bytes; absent: the process's stdin. */
  stdin?: (limit: number) => Promise<string | null>;
}

export type Command = (args: string[], io: CliIo) => Promise<number>;
