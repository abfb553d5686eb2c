import { describe, expect, it } from 'vitest';
import { run } from '../../../engine/simulate/run.js';
import { compileFailure, compileYaml, definitionFromYaml } from '../../support/modelFromYaml.js';

/** A city whose waste is given for 2015–2020 and projected by a forecast to 2030. */
function model(driver: string, scenarios = ''): string {
  return `
metabolis: 1
name: forecast city
time: { start: 2015, end: 2030 }
unit: t
drivers:
  gdp: { unit: 1, values: { 2010: 10000, 2030: 30000 } }
  waste:
    unit: t/yr
${driver}
processes: [city]
flows:
  - { from: outside, to: city, value: waste }
  - { from: city, to: outside, share: 1 }
${scenarios ? `scenarios:\n${scenarios}` : ''}
`;
}
const history = '    values: { 2015: 100, 2016: 104, 2017: 108, 2018: 112, 2019: 116, 2020: 120 }';
const driver = (name: string, text: string) => definitionFromYaml(text).drivers.find((d) => d.name === name)!;

describe('forecast drivers', () => {
  it('loadModel(model) keeps the observed years as given and projects the rest by the forecast (a straight line continues)', () => {
    const waste = driver('waste', model(`${history}\n    forecast: { method: linear }`));
    expect([...waste.values.slice(0, 6)]).toEqual([100, 104, 108, 112, 116, 120]);
    waste.values.slice(6).forEach((value, i) => expect(value).toBeCloseTo(124 + 4 * i, 9));
    expect(waste.forecast).toMatchObject({ lastObserved: 2020, level: 0.95 });
    expect(waste.forecast!.fits[0].parameters.slope.value).toBeCloseTo(4, 12);
  });

  it('loadModel(model) regresses on another driver with given coefficients (the What a Waste log-log form)', () => {
    const text = model(
      `    values: { 2015: 50, 2016: 52, 2017: 54 }\n    forecast: { method: regression, form: log-log, on: gdp, coefficients: { intercept: 2.16, slope: 0.37 } }`,
    ).replace('waste:\n    unit: t/yr', 'waste:\n    unit: t/yr');
    const waste = driver('waste', text);
    const gdp = driver('gdp', text);
    // ln y = a + b ln g after the last observed year.
    for (let t = 3; t < 16; t++) expect(waste.values[t]).toBeCloseTo(Math.exp(2.16 + 0.37 * Math.log(gdp.values[t])), 9);
  });

  it('loadModel(model) lets a scenario hold the last observed value (status quo) or project with another forecast', () => {
    const text = model(`${history}\n    forecast: { method: linear }`, '  status-quo: { waste: { extrapolate: constant } }\n  grey: { waste: { forecast: { method: gm11 } } }');
    const compiled = compileYaml(text);
    const held = run(compiled, { scenario: 'status-quo' }).flows[0].values;
    held.slice(6).forEach((value) => expect(value).toBeCloseTo(120, 10));
    const grey = run(compiled, { scenario: 'grey' }).flows[0].values;
    [100, 104, 108, 112, 116, 120].forEach((value, t) => expect(grey[t]).toBeCloseTo(value, 10));
    expect(grey[15]).toBeGreaterThan(120);
    const definition = definitionFromYaml(text);
    const override = definition.scenarios.find((s) => s.name === 'grey')!.overrides[0];
    expect(override.kind === 'set-driver' && override.forecast?.spec.method).toBe('gm11');
  });

  it('loadModel(model) reports a fit that cannot be made as a model error at the forecast, with the kernel\'s hint', () => {
    const tooFew = compileFailure(model('    values: { 2015: 100 }\n    forecast: { method: holt }'));
    expect(tooFew.message).toMatch(/^invalid forecast: driver waste: /);
    expect(tooFew.at.path).toBe('drivers.waste.forecast');
    expect(tooFew.hint).toBeTruthy();
    const negative = compileFailure(model('    signed: true\n    values: { 2015: 100, 2016: -5, 2017: 90 }\n    forecast: { method: log-linear }'));
    expect(negative.message).toMatch(/invalid forecast: driver waste/);
  });

  it('loadModel(model) rejects a regression on an unknown driver, on a forecast driver, and keys a method does not take', () => {
    expect(compileFailure(model(`${history}\n    forecast: { method: regression, form: log-log, on: gpd }`)).message).toBe('unknown driver: gpd');
    const onForecast = model(`${history}\n    forecast: { method: linear }`).replace(
      '  waste:\n',
      '  other:\n    unit: t/yr\n    values: { 2015: 1, 2016: 2, 2017: 3 }\n    forecast: { method: regression, form: linear, on: waste }\n  waste:\n',
    );
    expect(compileFailure(onForecast).message).toBe('invalid forecast: waste has a forecast of its own');
    expect(compileFailure(model(`${history}\n    forecast: { method: linear, damped: true }`)).message).toBe('invalid key for a linear forecast: damped');
  });
});
