import type { SweepProgress } from './executeSweep.js';

const BAR = 24;
const number = new Intl.NumberFormat('en-US');

export interface ProgressReporter {
  update(progress: SweepProgress): void;
  /** Ends the bar's line (on a terminal) so later output starts on a line of its own. */
  finish(): void;
}

/**
 * Progress on stderr. On a terminal: one bar redrawn in place at most ten times a second, with
 * the rate and the time left; otherwise (a log file, a Slurm job): a plain line at every tenth of
 * the work and at least every 10 s. The rate counts only the runs of this process, so a resumed
 * sweep's ETA is right.
 */
export function progressReporter(stream: NodeJS.WriteStream, now: () => number = () => performance.now()): ProgressReporter {
  const terminal = stream.isTTY === true;
  const interval = terminal ? 100 : 10_000;
  let started: { time: number; done: number } | undefined;
  let last = -Infinity;
  let drawn = false;
  let latest: SweepProgress | undefined;
  let tenths = -1;
  let initial: number | undefined;

  const line = (progress: SweepProgress): string => {
    const { done, total, failed } = progress;
    const share = total === 0 ? 1 : done / total;
    const seconds = started === undefined ? 0 : (now() - started.time) / 1000;
    const rate = started !== undefined && seconds > 0 ? (done - started.done) / seconds : 0;
    const eta = rate > 0 && done < total ? ` · ETA ${duration((total - done) / rate)}` : '';
    const bar = terminal ? ` [${'#'.repeat(Math.round(share * BAR)).padEnd(BAR, '·')}]` : '';
    const failures = failed > 0 ? ` · ${number.format(failed)} failed` : '';
    return `${(share * 100).toFixed(0).padStart(3)}%${bar} ${number.format(done)}/${number.format(total)} runs · ${number.format(Math.round(rate))} runs/s${eta}${failures}`;
  };

  const draw = (progress: SweepProgress) => {
    last = now();
    if (terminal) stream.write(`\r${line(progress)}\x1b[K`);
    else stream.write(`${line(progress)}\n`);
    drawn = true;
  };

  return {
    update(progress) {
      // The clock starts at the first batch in, so the workers' start-up does not count against the rate.
      initial ??= progress.done;
      if (started === undefined && progress.done > initial) started = { time: now(), done: progress.done };
      latest = progress;
      const tenth = progress.total === 0 ? 10 : Math.floor((10 * progress.done) / progress.total);
      const newTenth = !terminal && tenth > tenths;
      tenths = Math.max(tenths, tenth);
      if (now() - last >= interval || newTenth || progress.done === progress.total) draw(progress);
    },
    finish() {
      if (terminal && drawn) stream.write('\n');
    },
  };
}

function duration(seconds: number): string {
  const whole = Math.ceil(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}
