import type { Command } from 'commander';
import { registerFailures } from './failuresCommand.js';
import { registerMerge } from './mergeCommand.js';
import { registerSensitivity } from './sensitivityCommand.js';
import { registerSweep } from './sweepCommand.js';

/** `metabolis sweep`, `metabolis merge`, `metabolis sensitivity` and `metabolis failures`. */
export function registerSweepCommands(program: Command): void {
  registerSweep(program);
  registerMerge(program);
  registerSensitivity(program);
  registerFailures(program);
}
