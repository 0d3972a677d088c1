import type { Command } from '../io';

export const routesCommand: Command = async (_args, io) => {
  io.err('aksnet routes: not available in this build\n');
  return 2;
};
