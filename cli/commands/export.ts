import type { Command } from '../io';

export const exportCommand: Command = async (_args, io) => {
  io.err('aksnet export: not available in this build\n');
  return 2;
};
