import type { Command } from 'commander';
import { registerMerge } from './mergeCommand.js';
import { registerSensitivity } from './sensitivityCommand.js';
import { registerSweep } from './sweepCommand.js';

/** `metabolis sweep`, `metabolis merge` and `metabolis sensitivity`. */
export function registerSweepCommands(program: Command): void {
  registerSweep(program);
  registerMerge(program);
  registerSensitivity(program);
}
