import { Command } from 'commander';
import { vi } from 'vitest';
import { registerPlot, registerSankey } from '../../cli/figures/index.js';

/** The figure commands called in-process (the built bin is covered by cli.test.ts); returns what they print. */
export async function metabolis(...args: string[]): Promise<string> {
  const program = new Command('metabolis').exitOverride();
  registerSankey(program);
  registerPlot(program);
  for (const command of program.commands) command.exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {} });
  let printed = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((text) => ((printed += String(text)), true));
  try {
    await program.parseAsync(['node', 'metabolis', ...args]);
  } finally {
    write.mockRestore();
  }
  return printed;
}
