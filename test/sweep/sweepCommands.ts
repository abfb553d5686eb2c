import { Command } from 'commander';
import { vi } from 'vitest';
import { registerSweepCommands } from '../../cli/sweep/registerSweepCommands.js';

/** The sweep commands called in-process (the built bin is covered by cli.test.ts); returns what they print on stdout and stderr. */
export async function sweepCommand(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  const program = new Command('metabolis').exitOverride();
  registerSweepCommands(program);
  for (const command of program.commands) command.exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {} });
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((text) => ((stdout += String(text)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((text) => ((stderr += String(text)), true));
  try {
    await program.parseAsync(['node', 'metabolis', ...args]);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return { stdout, stderr };
}
