import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../engine/compile/compileModel.js';
import { loadModel } from '../../../engine/definition/loadModelFile.js';
import { compileObservations } from '../../../engine/observations/compileObservations.js';
import { reconcileModel } from '../../../engine/observations/reconcileModel.js';
import { OptionsError } from '../../../engine/errors.js';
import { reconciledSankeyInput, reconciledTotal } from '../../../viz/adapters/index.js';
import { sankeySvg } from '../../../viz/index.js';
import { compileYaml } from '../../support/modelFromYaml.js';
import { expectGolden } from '../golden.js';

const definition = loadModel(join(import.meta.dirname, '../../fixtures/observations/city/model.yaml'));
const model = compile(definition);
const reconciliation = reconcileModel(model, compileObservations(model));

describe('reconciledSankeyInput(model, reconciliation, { year })', () => {
  it('reconciledSankeyInput draws every flow at its reconciled total with its sd, the stock change with its sd, and the global test in a note', () => {
    const input = reconciledSankeyInput(model, reconciliation, { year: 2019, processes: definition.processes, flows: definition.flows });
    const result = reconciliation.results[1];
    const collected = result.variables.find((variable) => variable.name === 'collected')!;
    expect(input.flows.find((flow) => flow.from === 'households')).toMatchObject({ to: 'collection', value: collected.value, sd: collected.sd });
    expect(input.flows.find((flow) => flow.to === 'outside' && flow.from === 'sorting')?.label).toBe('Secondary materials');
    expect(input.stocks).toEqual([{ process: 'landfill', name: 'Landfilled', change: 68, changeSd: expect.closeTo(3.4, 10) }]);
    expect(input.notes?.[0]).toMatch(/^Global test: χ² = 0\.0363 on 3 degrees of freedom, p = 0\.998: passed at 0\.05\.$/);
  });

  it('sankeySvg(reconciled city) draws light edges of ± one sd around each band and labels value ± sd (golden SVG)', () => {
    const figure = sankeySvg(reconciledSankeyInput(model, reconciliation, { year: 2019, processes: definition.processes, flows: definition.flows }), { colorBy: 'target' });
    expect(figure.svg).toMatch(/stroke-opacity="0\.26\d"/);
    expect(figure.svg).toMatch(/470 ± 5\.3 kt\/yr/);
    expect(figure.svg).toMatch(/values ± one standard deviation/);
    expect(figure.imbalances).toEqual([]);
    expectGolden('sankey-reconciled', figure.svg);
  });

  it('reconciledSankeyInput leaves out what the data do not determine and names it; a year that did not converge is an OptionsError', () => {
    const loose = compileYaml(`metabolis: 1
name: loose
time: { start: 2020, end: 2021 }
unit: t
processes: [p, q]
flows:
  - { id: a, from: outside, to: p, value: 10 }
  - { id: b, from: p, to: q, share: 1 }
  - { id: c, from: q, to: outside, share: 0.5 }
  - { id: d, from: q, to: outside, share: rest }
observations:
  a_measured: { flow: a, values: { 2020: 10, 2021: { value: 10, sd: 0 } }, sd: 1 }
  contradiction: { flow: b, values: { 2021: 12 }, sd: 0 }
`);
    const looseReconciliation = reconcileModel(loose, compileObservations(loose));
    const input = reconciledSankeyInput(loose, looseReconciliation, { year: 2020 });
    expect(input.flows.map((flow) => flow.from)).toEqual(['outside', 'p']);
    expect(input.notes).toContain('Not determined by the data, not drawn: c, d; the processes they touch are out of balance in the figure by what they carry.');
    expect(reconciledTotal(looseReconciliation.results[0], looseReconciliation.system.flowVariables[2]).value).toBeNaN();
    expect(() => reconciledSankeyInput(loose, looseReconciliation, { year: 2021 })).toThrow(OptionsError);
    expect(() => reconciledSankeyInput(loose, looseReconciliation, { year: 2030 })).toThrow(/must be a reconciled year/);
  });
});
