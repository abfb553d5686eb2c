import { describe, expect, it } from 'vitest';
import { HEADER, load, loadError } from './loadHelpers.js';

/** One process `buildings` with a demand flow and the given stocks; `landfilled` is on line 10, what the test adds starts on line 11. */
const withStocks = (stocks: string) => `${HEADER}processes: [buildings, landfill]
flows:
  - { from: outside, to: buildings, demand: true }
  - { from: buildings, to: landfill, share: 1 }
stocks:
  landfilled: { process: landfill, kind: accumulate }
${stocks}`;

const dwellings = (extra: string) => `  dwellings: { process: buildings, kind: stock-driven, target: "100", lifetime: { fixed: { mean: 30 } }${extra} }\n`;

describe('loadStocks', () => {
  it('loadModelFromText(text) names an unknown process of a stock', () => {
    const error = loadError(withStocks('  dwellings: { process: building, kind: accumulate }\n'));
    expect(error.message).toBe('unknown process: building');
    expect(error.at).toMatchObject({ path: 'stocks.dwellings.process', line: 11 });
    expect(error.hint).toMatch(/'buildings'/);
  });

  it('loadModelFromText(text) rejects two stocks in one process', () => {
    const error = loadError(withStocks('  more: { process: landfill, kind: accumulate }\n'));
    expect(error.message).toBe('process landfill has two stocks: landfilled and more');
    expect(error.at.line).toBe(11);
  });

  it('loadModelFromText(text) requires a lifetime for a stock-driven stock', () => {
    const error = loadError(withStocks('  dwellings: { process: buildings, kind: stock-driven, target: "100" }\n'));
    expect(error.message).toBe('missing key: lifetime');
    expect(error.at).toMatchObject({ path: 'stocks.dwellings', line: 11 });
  });

  it('loadModelFromText(text) rejects a target on a stock that is not stock-driven', () => {
    const error = loadError(withStocks('  dwellings: { process: buildings, kind: inflow-driven, target: "1", lifetime: { fixed: { mean: 3 } } }\n'));
    expect(error.message).toBe('invalid key for a inflow-driven stock: target');
    expect(error.at.path).toBe('stocks.dwellings.target');
  });

  it('loadModelFromText(text) keeps negative_inflow_correction to stock-driven stocks', () => {
    const error = loadError(withStocks('').replace('kind: accumulate }', 'kind: accumulate, negative_inflow_correction: false }') + dwellings(''));
    expect(error.message).toBe('invalid key for a accumulate stock: negative_inflow_correction');
    expect(error.at).toMatchObject({ path: 'stocks.landfilled.negative_inflow_correction', line: 10 });
  });

  it('loadModelFromText(text) names a misspelt distribution', () => {
    const error = loadError(withStocks(dwellings('').replace('fixed', 'fixd')));
    expect(error.message).toBe('unknown key: fixd');
    expect(error.hint).toMatch(/^did you mean 'fixed'/);
  });

  it('loadModelFromText(text) takes exactly one distribution per lifetime', () => {
    const error = loadError(withStocks(dwellings('').replace('{ fixed: { mean: 30 } }', '{ fixed: { mean: 30 }, exponential: { mean: 3 } }')));
    expect(error.message).toBe('invalid lifetime: stock dwellings names fixed and exponential');
    expect(error.at.path).toBe('stocks.dwellings.lifetime');
  });

  it('loadModelFromText(text) rejects a negative lifetime parameter', () => {
    const error = loadError(withStocks(dwellings('').replace('{ fixed: { mean: 30 } }', '{ normal: { mean: 30, sd: -2 } }')));
    expect(error.message).toBe('negative value in lifetime of stock dwellings (sd: -2)');
    expect(error.at).toMatchObject({ path: 'stocks.dwellings.lifetime.normal.sd', line: 11 });
  });

  it('loadModelFromText(text) rejects a survival table that rises with age', () => {
    const error = loadError(withStocks(dwellings('').replace('{ fixed: { mean: 30 } }', '{ table: [1, 0.5, 0.6] }')));
    expect(error.message).toBe('invalid lifetime table: stock dwellings has 0.6 surviving at age 2');
    expect(error.at.path).toBe('stocks.dwellings.lifetime.table[2]');
  });

  it('loadModelFromText(text) reads an initial stock by cohort and rejects cohorts inside the horizon', () => {
    const definition = load(withStocks(dwellings(', initial: { cohorts: { 2019: 5, 2018: 4 } }')));
    expect(definition.stocks[1].initial?.cohorts).toEqual([2018, 2019]);
    expect(Array.from(definition.stocks[1].initial!.values)).toEqual([4, 5]);
    const error = loadError(withStocks(dwellings(', initial: { cohorts: { 2019: 5, 2020: 4 } }')));
    expect(error.message).toBe('invalid initial stock: cohort 2020 of stock dwellings is not before 2020');
    expect(error.at).toMatchObject({ path: 'stocks.dwellings.initial.cohorts.2020', line: 11 });
  });

  it('loadModelFromText(text) rejects a negative initial stock', () => {
    const error = loadError(withStocks(dwellings(', initial: { cohorts: { 2019: -5 } }')));
    expect(error.message).toBe('negative value in initial stock of dwellings (2019: -5)');
    expect(error.at.path).toBe('stocks.dwellings.initial.cohorts.2019');
  });
});
