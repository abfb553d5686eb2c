import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPeak, totalOverItems } from '../../engine/analysis/peaks.js';
import { compile } from '../../engine/compile/compileModel.js';
import { loadModel } from '../../engine/definition/loadModelFile.js';
import type { Solution } from '../../engine/simulate/solution.js';
import { run } from '../../engine/simulate/run.js';
import { MODELS_DIRECTORY } from '../support/shippedModels.js';

/**
 * What models/reference-city/SOURCES.md says the model gives ("Where the magnitudes come from" and
 * "What it gives"), asserted at the precision it is stated, so that the file and the model cannot
 * drift apart.
 */
const model = compile(loadModel(join(MODELS_DIRECTORY, 'reference-city/model.yaml')));
const runs = new Map([undefined, ...model.scenarios.keys()].map((scenario) => [scenario, run(model, { scenario })]));
const base = runs.get(undefined)!;

function stock(solution: Solution, name: string) {
  return solution.stocks.find((candidate) => candidate.name === name)!;
}

/** A stock's series summed over its items, in '000 t, in `year`. */
function kilotonnes(solution: Solution, name: string, series: 'stock' | 'inflow' | 'outflow', year: number): number {
  const found = stock(solution, name);
  const size = found[series].length / solution.years.length;
  return totalOverItems(found[series], size)[solution.years.indexOf(year)] / 1000;
}

const buildings = (solution: Solution, series: 'stock' | 'inflow' | 'outflow', year: number) =>
  kilotonnes(solution, 'residential', series, year) + kilotonnes(solution, 'commercial', series, year);

describe('the reference city as its SOURCES.md describes it', () => {
  it('run(reference-city) holds a building stock of 153 Mt in 2020, 139 Mt of it concrete, about 51 t per person', () => {
    expect(buildings(base, 'stock', 2020) / 1000).toBeCloseTo(153, 0);
    // The first year's items come first in a stock's series.
    const concrete = model.definition.dimensions.find((dimension) => dimension.name === 'material')!.items.indexOf('concrete');
    expect((stock(base, 'residential').stock[concrete] + stock(base, 'commercial').stock[concrete]) / 1e6).toBeCloseTo(139, 0);
    expect(buildings(base, 'stock', 2020) / 3000).toBeCloseTo(51, 0);
  });

  it('run(reference-city) builds 3,900 kt in 2020, demolishes 1,660 kt then 3,420 kt in 2079 still rising, and landfills 500 then 910 kt a year', () => {
    expect(buildings(base, 'inflow', 2020)).toBeCloseTo(3900, -2);
    expect(buildings(base, 'outflow', 2020)).toBeCloseTo(1660, -1);
    expect(buildings(base, 'outflow', 2079)).toBeCloseTo(3420, -1);
    const demolition = totalOverItems(stock(base, 'residential').outflow, stock(base, 'residential').outflow.length / base.years.length);
    expect(findPeak(demolition, base.years).status).toBe('rising');
    expect(kilotonnes(base, 'landfilled', 'inflow', 2020)).toBeCloseTo(500, -1);
    expect(kilotonnes(base, 'landfilled', 'inflow', 2079)).toBeCloseTo(910, -1);
  });

  it('run(reference-city) has its residual waste landfilled peak in 2056, with the population', () => {
    const flow = base.flows.find((candidate) => candidate.id === 'residual_landfilled')!;
    const peak = findPeak(totalOverItems(flow.values, flow.values.length / base.years.length), base.years);
    expect(peak).toMatchObject({ status: 'peak', year: 2056 });
  });

  it('run(reference-city, circular) halves landfilling by 2050 and landfill-ban cuts it by about a quarter (23 %)', () => {
    const landfilled2050 = (scenario: string | undefined) => kilotonnes(runs.get(scenario)!, 'landfilled', 'inflow', 2050);
    expect(landfilled2050('circular') / landfilled2050(undefined)).toBeCloseTo(0.48, 2);
    expect(landfilled2050('landfill-ban') / landfilled2050(undefined)).toBeCloseTo(0.77, 2);
  });

  it('run(reference-city) ends every scenario with status success and no negative-inflow correction', () => {
    for (const [scenario, solution] of runs) {
      expect({ scenario, status: solution.status }).toEqual({ scenario, status: 'success' });
      expect(solution.stocks.flatMap((candidate) => candidate.correctedYears)).toEqual([]);
    }
  });
});
