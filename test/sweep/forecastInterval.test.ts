import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { afterAll, describe, expect, it } from 'vitest';
import { executeSweep } from '../../cli/sweep/executeSweep.js';
import { readManifest } from '../../cli/sweep/manifest.js';
import { openSweep } from '../../cli/sweep/openSweep.js';
import { loadModel } from '../../engine/definition/loadModelFile.js';
import { ModelError } from '../../engine/errors.js';
import { fitForecast } from '../../engine/forecast/fitForecast.js';

const scratch = mkdtempSync(join(tmpdir(), 'metabolis-forecast-sweep-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

writeFileSync(
  join(scratch, 'model.yaml'),
  `metabolis: 1
name: forecast sweep
time: { start: 2015, end: 2025 }
unit: t
drivers:
  waste:
    unit: t/yr
    values: { 2015: 100, 2016: 103, 2017: 109, 2018: 110, 2019: 117, 2020: 118 }
    forecast: { method: linear }
processes: [city]
flows:
  - { from: outside, to: city, value: waste }
  - { from: city, to: outside, share: 1 }
`,
);
const sweep = (factor: string) => {
  const file = join(scratch, `sweep-${Math.abs(hash(factor))}.yaml`);
  writeFileSync(file, `metabolis-sweep: 1\nmodel: model.yaml\nsampler: monte-carlo\nn: 400\nseed: 2\nfactors:\n  waste: ${factor}\noutputs:\n  waste: { flow: outside->city }\n`);
  return file;
};
function hash(text: string): number {
  let value = 0;
  for (const character of text) value = (value * 31 + character.charCodeAt(0)) | 0;
  return value;
}

describe('sweeps over a forecast interval', () => {
  it('executeSweep(forecast: interval) keeps the observed years and spreads the projected ones as the prediction interval says', async () => {
    const { job } = openSweep(sweep('{ driver: waste, forecast: interval }'));
    const out = join(scratch, 'interval');
    await executeSweep(job, { out, threads: 1, batchSize: 100 });
    const manifest = readManifest(out);
    const rows = (await Promise.all(manifest.parts.map(async (part) => parquetReadObjects({ file: await asyncBufferFromFile(join(out, part.results)) })))).flat() as { year: number | null; value: number }[];
    const byYear = new Map<number, number[]>();
    for (const row of rows) if (row.year !== null) byYear.set(row.year, [...(byYear.get(row.year) ?? []), row.value]);
    for (const year of [2015, 2018, 2020]) expect(new Set(byYear.get(year)!.map((value) => value.toFixed(9))).size).toBe(1);
    const fit = loadModel(join(scratch, 'model.yaml')).drivers[0].forecast!;
    expect(fit.lastObserved).toBe(2020);
    const values = byYear.get(2025)!.sort((a, b) => a - b);
    expect(values.length).toBe(400);
    // The projection's median is the fitted line: 118.9 + 3.543·5 ≈ 136.6 in 2025 (slope and level of the OLS fit).
    const median = values[200];
    const slope = fit.fits[0].parameters.slope.value;
    const level = fit.fits[0].parameters.level.value;
    expect(median).toBeCloseTo(level + slope * 5, 0);
    // The draws' 2.5 % and 97.5 % quantiles are the 95 % prediction interval, within Monte Carlo error.
    const result = fitForecast({ years: fit.history.years, values: fit.history.values[0] }, fit.spec, { level: fit.level });
    if (!result.ok) throw new Error(result.message);
    const band = result.fit.project(Float64Array.of(2025));
    const halfWidth = (band.upper[0] - band.lower[0]) / 2;
    expect(halfWidth).toBeGreaterThan(1);
    expect(Math.abs(values[Math.round(0.025 * 399)] - band.lower[0])).toBeLessThan(0.3 * halfWidth);
    expect(Math.abs(values[Math.round(0.975 * 399)] - band.upper[0])).toBeLessThan(0.3 * halfWidth);
  });

  it('openSweep(forecast: interval) on a driver without a forecast names it', () => {
    writeFileSync(join(scratch, 'plain.yaml'), `metabolis: 1\nname: plain\ntime: { start: 2015, end: 2016 }\nunit: t\ndrivers:\n  waste: { unit: t/yr, values: { 2015: 1, 2016: 2 } }\nprocesses: [city]\nflows:\n  - { from: outside, to: city, value: waste }\n  - { from: city, to: outside, share: 1 }\n`);
    const file = join(scratch, 'plain-sweep.yaml');
    writeFileSync(file, 'metabolis-sweep: 1\nmodel: plain.yaml\nsampler: monte-carlo\nn: 4\nfactors:\n  waste: { driver: waste, forecast: interval }\noutputs:\n  waste: { flow: outside->city }\n');
    expect(() => openSweep(file)).toThrow(ModelError);
    expect(() => openSweep(file)).toThrow('invalid factor: driver waste has no forecast to draw an interval from');
  });
});
