import { progressReporter } from './progress.js';
import { startSweepThread } from './sweepOnThread.js';
import { EXIT_INTERRUPTED, type SweepFlags } from './sweepWithFlags.js';

export type { SweepFlags } from './sweepWithFlags.js';

/** `metabolis sweep <sweep>`: run (or resume) the sweep, or one shard of it, with progress and Ctrl-C handling. */
export async function runSweep(path: string, flags: SweepFlags): Promise<void> {
  const progress = flags.quiet ? undefined : progressReporter(process.stderr);
  const thread = startSweepThread(path, flags, {
    progress: (update) => progress?.update(update),
    progressDone: () => progress?.finish(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
  let interrupted = false;
  const onInterrupt = () => {
    if (interrupted) process.exit(EXIT_INTERRUPTED);
    interrupted = true;
    thread.abort();
    process.stderr.write('\nstopping: the running batches finish and are kept (Ctrl-C again to quit at once)\n');
  };
  process.on('SIGINT', onInterrupt);
  try {
    process.exitCode = await thread.exitCode;
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}
