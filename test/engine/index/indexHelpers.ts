import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { indexData, loadIndexFromText, type IndexOverrides } from '../../../engine/index/index.js';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/index');

/** The worked example of test/fixtures/index/reversal.yaml, loaded and laid out. */
export function reversalIndex(overrides: IndexOverrides = {}) {
  const file = join(FIXTURES, 'reversal.yaml');
  const spec = loadIndexFromText(readFileSync(file, 'utf8'), file, overrides);
  return { spec, data: indexData(spec) };
}

/**
 * A two-city, two-indicator index file with the given pieces replaced: `values` is the YAML of
 * indicator b's values, `extra` is appended at the top level, `indicatorExtra` goes into b.
 */
export function smallIndexYaml(parts: { values?: string; extra?: string; indicatorExtra?: string; aExtra?: string } = {}): string {
  return [
    'metabolis-index: 1',
    'name: Small',
    'cities: { p: {}, q: {} }',
    'dimensions:',
    '  one:',
    '    indicators:',
    '      a:',
    '        unit: kg/person/yr',
    '        direction: lower',
    ...(parts.aExtra ? [`        ${parts.aExtra}`] : []),
    '        values: { p: { value: 300, source: s }, q: { value: 400, source: s } }',
    '  two:',
    '    indicators:',
    '      b:',
    "        unit: '%'",
    '        direction: higher',
    ...(parts.indicatorExtra ? [`        ${parts.indicatorExtra}`] : []),
    `        values: ${parts.values ?? '{ p: { value: 20, source: s }, q: { value: 60, source: s } }'}`,
    'sources: { s: { citation: a test } }',
    ...(parts.extra ? [parts.extra] : []),
    '',
  ].join('\n');
}

export function loadSmall(parts: Parameters<typeof smallIndexYaml>[0] = {}, overrides: IndexOverrides = {}) {
  const spec = loadIndexFromText(smallIndexYaml(parts), 'small.yaml', overrides);
  return { spec, data: indexData(spec) };
}
