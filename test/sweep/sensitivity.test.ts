import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { executeSweep } from '../../cli/sweep/executeSweep.js';
import { openSweep } from '../../cli/sweep/openSweep.js';
import { sensitivity } from '../../cli/sweep/sensitivity.js';
import { formatIndices } from '../../cli/sweep/sensitivityAction.js';

const scratch = mkdtempSync(join(tmpdir(), 'metabolis-sensitivity-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const sweepFile = fileURLToPath(new URL('../fixtures/sweeps/tiny/sweep.yaml', import.meta.url));
const morrisFile = fileURLToPath(new URL('../fixtures/sweeps/tiny/morris.yaml', import.meta.url));

describe('sensitivity', async () => {
  const morris = join(scratch, 'morris');
  await executeSweep(openSweep(morrisFile).job, { out: morris, threads: 1, batchSize: 30 });
  const monteCarlo = join(scratch, 'monte-carlo');
  await executeSweep(openSweep(sweepFile, { sampler: 'monte-carlo', n: 10 }).job, { out: monteCarlo, threads: 1, batchSize: 10 });

  it('sensitivity(morris sweep) gives μ*, μ and σ per factor, the design made again from the manifest', async () => {
    const report = await sensitivity(morris, { outputs: ['exported'] });
    expect(report.sampler).toBe('morris');
    const effects = report.columns[0].factors;
    expect(effects.map((entry) => entry.factor)).toEqual(['paper_recycling', 'product_share', 'population', 'product_life']);
    for (const entry of effects) if ('muStar' in entry) expect(entry.muStar).toBeGreaterThanOrEqual(Math.abs(entry.mu));
    // Exported paper grows with its recycling rate: every elementary effect of that factor is positive.
    const paper = effects[0] as { mu: number; muStar: number };
    expect(paper.mu).toBeGreaterThan(0);
    expect(paper.muStar).toBeCloseTo(paper.mu, 12);
  });

  it('formatIndices(report) prints one block per output column with a row per factor', async () => {
    const text = formatIndices(await sensitivity(morris, { outputs: ['landfill'], year: 2025 }));
    expect(text).toMatch(/^Morris elementary effects from 30 runs/);
    expect(text).toContain('\nlandfill in 2025\n');
    expect(text).toMatch(/\n {2}paper_recycling +-?\d+\.\d{3} +-?\d+\.\d{3} +\d+\.\d{3}\n/);
  });

  it('sensitivity refuses a sweep that was not made for indices, an unknown output and a year without values', async () => {
    await expect(sensitivity(monteCarlo)).rejects.toThrow(/need a sweep with sampler sobol or morris; .* used monte-carlo/);
    await expect(sensitivity(morris, { outputs: ['landfil'] })).rejects.toThrow('unknown output: landfil');
    await expect(sensitivity(morris, { outputs: ['landfill'], year: 1990 })).rejects.toThrow('no values of landfill for 1990 (it has 2020–2031)');
  });
});
