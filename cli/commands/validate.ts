import type { Command } from '../io';

export const validateCommand: Command = async (_args, io) => {
  io.err('aksnet validate: not available in this build\n');
  return 2;
};
