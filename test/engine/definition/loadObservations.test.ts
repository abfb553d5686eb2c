import { describe, expect, it } from 'vitest';
import { HEADER, load, loadError } from './loadHelpers.js';

/** A model with items, a stock and a tag; the observations a test appends start on line 20. */
const MODEL = `${HEADER}dimensions:
  material: [paper, plastic]
processes: [collection, sorting, landfill]
flows:
  - { id: collected, from: outside, to: collection, value: "100", tags: [msw] }
  - { id: separate, from: collection, to: sorting, share: 0.4 }
  - { id: residual, from: collection, to: landfill, share: rest, tags: [disposal] }
  - { id: recovered, from: sorting, to: outside, share: 0.8 }
  - { id: sorting_residue, from: sorting, to: landfill, share: rest, tags: [disposal] }
stocks:
  landfilled: { process: landfill, kind: accumulate }
parameters:
  unused: 1
scenarios:
  none: {}
`;
const observations = (text: string) => `${MODEL}observations:\n${text}`;

describe('loadModelFromText(text): observations', () => {
  it('loadModelFromText(observations) reads inline values with the sd and cv of the observation, their own, and ranges as mean ± 2 sd', () => {
    const model = load(
      observations(`  separate_data:
    flow: separate
    values: { 2022: 40, 2021: { value: 38, sd: 2 }, 2023: { value: 50, cv: 0.1 }, 2024: { low: 30, high: 50 } }
    sd: 3
    source: yearbook
  residual_data: { flow: residual, values: { 2022: 60 }, cv: 0.05, unit: kt/yr, label: Residual waste }
`),
    );
    const [separate, residual] = model.observations;
    expect(separate.quantity).toEqual({ kind: 'flows', flows: ['separate'], tag: undefined });
    expect([...separate.points.years]).toEqual([2021, 2022, 2023, 2024]);
    expect([...separate.points.values]).toEqual([38, 40, 50, 40]);
    expect([...separate.points.sds]).toEqual([2, 3, 5, 5]);
    expect(separate.source).toBe('yearbook');
    expect(residual).toMatchObject({ unit: 'kt/yr', label: 'Residual waste', dims: [], item: {} });
    expect(residual.points.sds[0]).toBeCloseTo(3, 12);
  });

  it('loadModelFromText(observations) reads sums, tags, stock levels and changes, shares and item selections', () => {
    const model = load(
      observations(`  disposal: { sum: [residual, sorting_residue], values: { 2022: 70 }, sd: 4 }
  tagged: { tag: disposal, item: paper, values: { 2022: 30 }, sd: 2 }
  level: { stock: landfilled, values: { 2022: 500 }, sd: 20 }
  change: { stock: landfilled, measure: change, item: { material: plastic }, values: { 2022: -3 }, sd: 1 }
  yield: { share: recovered, values: { 2022: 0.75 }, sd: 0.05 }
`),
    );
    expect(model.observations.map((observation) => observation.quantity)).toEqual([
      { kind: 'flows', flows: ['residual', 'sorting_residue'], tag: undefined },
      { kind: 'flows', flows: ['residual', 'sorting_residue'], tag: 'disposal' },
      { kind: 'stock', stock: 'landfilled', measure: 'level' },
      { kind: 'stock', stock: 'landfilled', measure: 'change' },
      { kind: 'share', flow: 'recovered' },
    ]);
    expect(model.observations[1].item).toEqual({ '': 'paper' });
    expect(model.observations[3].item).toEqual({ material: 'plastic' });
  });

  it('loadModelFromText(observations) reads values per item, sparse, inline and from CSV with sd, cv or low and high columns', () => {
    const model = load(
      observations(`  inline: { flow: collected, dims: [material], values: { plastic: { 2022: 20 }, paper: { 2021: 70, 2022: 72 } }, cv: 0.1 }
  with_sd: { flow: collected, dims: [material], csv: data/sd.csv }
  with_cv: { flow: collected, csv: data/cv.csv }
  ranges: { flow: collected, csv: data/ranges.csv }
  plain: { flow: collected, csv: data/plain.csv, sd: 5 }
`),
      {
        'data/sd.csv': 'year,material,value,sd\n2022,plastic,20,2\n2021,paper,70,7\n',
        'data/cv.csv': 'year,value,cv\n2022,100,0.05\n',
        'data/ranges.csv': '# a comment\nyear,low,high\n2022,90,110\n',
        'data/plain.csv': 'year,value\n2020,95\n',
      },
    );
    const [inline, withSd, withCv, ranges, plain] = model.observations.map((observation) => observation.points);
    // Items in model order (paper 0, plastic 1), sorted by year then item.
    expect([...inline.years]).toEqual([2021, 2022, 2022]);
    expect([...inline.items]).toEqual([0, 0, 1]);
    expect([...inline.values]).toEqual([70, 72, 20]);
    expect([...withSd.items]).toEqual([0, 1]);
    expect([...withSd.sds]).toEqual([7, 2]);
    expect(withCv.sds[0]).toBeCloseTo(5, 12);
    expect([...ranges.values, ...ranges.sds]).toEqual([100, 5]);
    expect([...plain.sds]).toEqual([5]);
  });

  it('loadModelFromText(observations) names a flow, stock or tag that does not exist, with the nearest names and the line', () => {
    const flow = loadError(observations('  a: { flow: seperate, values: { 2022: 1 }, sd: 1 }\n'));
    expect(flow.message).toBe('unknown flow: seperate');
    expect(flow.hint).toMatch(/'separate'/);
    expect(flow.at).toMatchObject({ path: 'observations.a.flow', line: 21 });
    expect(loadError(observations('  a: { sum: [residual, residue], values: { 2022: 1 }, sd: 1 }\n')).at.path).toBe('observations.a.sum[1]');
    expect(loadError(observations('  a: { stock: landfill, values: { 2022: 1 }, sd: 1 }\n')).message).toBe('unknown stock: landfill');
    expect(loadError(observations('  a: { tag: disposals, values: { 2022: 1 }, sd: 1 }\n')).hint).toMatch(/'disposal'/);
    expect(loadError(observations('  a: { share: recoverd, values: { 2022: 1 }, sd: 1 }\n')).message).toBe('unknown flow: recoverd');
  });

  it('loadModelFromText(observations) names an item or dimension that does not exist', () => {
    expect(loadError(observations('  a: { flow: collected, item: paperr, values: { 2022: 1 }, sd: 1 }\n')).message).toBe('unknown item: paperr');
    expect(loadError(observations('  a: { flow: collected, item: { materials: paper }, values: { 2022: 1 }, sd: 1 }\n')).message).toBe('unknown dimension: materials');
    expect(loadError(observations('  a: { flow: collected, item: { material: glass }, values: { 2022: 1 }, sd: 1 }\n')).message).toBe('unknown item of material: glass');
    const inline = loadError(observations('  a: { flow: collected, dims: [material], values: { glas: { 2022: 1 } }, sd: 1 }\n'));
    expect(inline.message).toBe('unknown item of material: glas');
    expect(inline.at.path).toBe('observations.a.values.glas');
    const csv = loadError(observations('  a: { flow: collected, dims: [material], csv: d.csv, sd: 1 }\n'), { 'd.csv': 'year,material,value\n2022,glass,1\n' });
    expect(csv.at).toMatchObject({ file: 'models/test/d.csv', line: 2 });
  });

  it('loadModelFromText(observations) rejects a year outside the horizon, where it is written', () => {
    const error = loadError(observations('  a: { flow: collected, values: { 2019: 1 }, sd: 1 }\n'));
    expect(error.message).toBe('invalid year: observation a gives 2019, outside the horizon 2020–2030');
    expect(error.at).toMatchObject({ path: 'observations.a.values.2019', line: 21 });
  });

  it('loadModelFromText(observations) asks for an uncertainty for every value, and for one source of it', () => {
    const missing = loadError(observations('  a: { flow: collected, values: { 2022: 1, 2023: { value: 2, sd: 1 } } }\n'));
    expect(missing.message).toBe('missing uncertainty: observation a gives no sd for 2022');
    expect(loadError(observations('  a: { flow: collected, values: { 2022: 1 }, sd: 1, cv: 0.1 }\n')).message).toBe('invalid observation: a gives both sd and cv');
    expect(loadError(observations('  a: { flow: collected, values: { 2022: 1 }, sd: -1 }\n')).message).toBe('invalid sd: -1 in observation a');
    expect(loadError(observations('  a: { flow: collected, values: { 2022: { value: 1, sd: -2 } } }\n')).message).toBe('invalid uncertainty: observation a has sd -2 for 2022');
    expect(loadError(observations('  a: { flow: collected, values: { 2022: { low: 5, high: 1 } } }\n')).message).toBe('invalid range: low 5 is above high 1');
    expect(loadError(observations('  a: { flow: collected, values: { 2022: { value: 1, sd: 1, cv: 1 } } }\n')).message).toMatch(/^invalid observed value at observations\.a\.values\.2022/);
  });

  it('loadModelFromText(observations) checks signs: flows and levels non-negative, shares within [0, 1], changes signed', () => {
    expect(loadError(observations('  a: { flow: collected, values: { 2022: -1 }, sd: 1 }\n')).message).toBe('negative value in observation a (2022: -1)');
    expect(loadError(observations('  a: { share: recovered, values: { 2022: 1.2 }, sd: 0.1 }\n')).message).toBe('invalid share: observation a gives 1.2 for 2022');
    expect(() => load(observations('  a: { stock: landfilled, measure: change, values: { 2022: -1 }, sd: 1 }\n'))).not.toThrow();
  });

  it('loadModelFromText(observations) rejects what says two things or nothing', () => {
    expect(loadError(observations('  a: { flow: collected, stock: landfilled, values: { 2022: 1 }, sd: 1 }\n')).message).toBe('invalid observation: a needs exactly one of flow, sum, tag, stock, share, concentration');
    expect(loadError(observations('  a: { values: { 2022: 1 }, sd: 1 }\n')).hint).toMatch(/say what was measured/);
    expect(loadError(observations('  a: { flow: collected, sd: 1 }\n')).message).toBe('invalid observation: a needs exactly one of values and csv');
    expect(loadError(observations('  a: { flow: collected, measure: change, values: { 2022: 1 }, sd: 1 }\n')).message).toBe('invalid observation: a has measure but no stock');
    expect(loadError(observations('  a: { share: collected, values: { 2022: 1 }, sd: 1 }\n')).message).toBe('invalid observation: a is a share of flow collected, which comes from outside');
    expect(loadError(observations('  a: { share: recovered, unit: t, values: { 2022: 1 }, sd: 1 }\n')).message).toBe('invalid unit: observation a is a share');
    expect(loadError(observations('  a: { flow: collected, item: paper, dims: [material], values: { paper: { 2022: 1 } }, sd: 1 }\n')).message).toBe('invalid observation: a both fixes an item of material and gives values per item of it');
  });

  it('loadModelFromText(observations) rejects a value given twice and CSV files without the columns it needs', () => {
    const twice = loadError(observations('  a: { flow: collected, csv: d.csv, sd: 1 }\n'), { 'd.csv': 'year,value\n2022,1\n2022,2\n' });
    expect(twice.message).toBe('duplicate year: observation a gives 2022 twice');
    expect(twice.at.line).toBe(3);
    const columns = loadError(observations('  a: { flow: collected, csv: d.csv }\n'), { 'd.csv': 'year,value,error\n2022,1,1\n' });
    expect(columns.message).toBe('unexpected columns: value, error in models/test/d.csv');
    expect(columns.hint).toMatch(/low and high/);
    expect(loadError(observations('  a: { flow: collected, dims: [material], csv: d.csv, sd: 1 }\n'), { 'd.csv': 'year,value\n2022,1\n' }).message).toBe('missing column: material in models/test/d.csv');
  });
});
