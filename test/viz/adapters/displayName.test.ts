import { describe, expect, it } from 'vitest';
import { displayName, flowNamer } from '../../../viz/adapters/displayName.js';

describe('displayName', () => {
  it('displayName(id) reads an id as words: underscores become spaces, the first letter a capital', () => {
    expect(displayName('flue_gas')).toBe('Flue gas');
    expect(displayName('furniture_in_use')).toBe('Furniture in use');
    expect(displayName('dry_recyclables')).toBe('Dry recyclables');
  });

  it('displayName(id) writes the acronyms of a lower-case id in capitals: words with no vowel, or with vowels only', () => {
    expect(displayName('msw_generated')).toBe('MSW generated');
    expect(displayName('eee_stock')).toBe('EEE stock');
    expect(displayName('pvc_to_rdf')).toBe('PVC to RDF');
    expect(displayName('ch4_emitted')).toBe('CH4 emitted');
    expect(displayName('stock_2030')).toBe('Stock 2030');
  });

  it('displayName(id) keeps the capitals of an id that has its own', () => {
    expect(displayName('MSW_generated')).toBe('MSW generated');
    expect(displayName('Ewaste_to_EPR')).toBe('Ewaste to EPR');
  });
});

describe('flowNamer', () => {
  it("flowNamer(flows) names a flow by the model's label, which always wins, and makes a name from the id otherwise", () => {
    const name = flowNamer([{ id: 'msw_generated', label: 'Municipal solid waste' }, { id: 'eee_sales', label: undefined }]);
    expect(name('msw_generated')).toBe('Municipal solid waste');
    expect(name('eee_sales')).toBe('EEE sales');
    expect(name('flue_gas')).toBe('Flue gas');
  });
});
