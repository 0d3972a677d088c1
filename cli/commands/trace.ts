import type { Command } from '../io';

export const traceCommand: Command = async (_args, io) => {
  io.err('aksnet trace: not available in this build\n');
  return 2;
};
