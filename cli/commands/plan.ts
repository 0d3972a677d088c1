import type { Command } from '../io';

export const planCommand: Command = async (_args, io) => {
  io.err('aksnet plan: not available in this build\n');
  return 2;
};
