import { unknownNameError } from '../errors.js';
import type { IndicatorDefinition, TargetDefinition } from './indicatorTypes.js';
import type { RawIndicators, RawTargets } from './indicatorsSchema.js';
import type { ModelFrame } from './loadDrivers.js';
import type { LoadContext } from './loadContext.js';
import { childPath } from './sourceMap.js';
import type { FlowDefinition } from './types.js';

/** The C40 Towards Zero Waste targets for 2030 against 2015 (C40 Advancing Towards Zero Waste Declaration, 2018). */
const C40 = {
  generationChange: -0.15,
  disposalChange: -0.5,
  diversion: 0.7,
} as const;

export interface IndicatorContext {
  readonly frame: ModelFrame;
  readonly flows: readonly FlowDefinition[];
  readonly drivers: readonly string[];
  readonly context: LoadContext;
}

/**
 * Indicators and targets, with the targets of a preset spelt out as indicators and targets of
 * their own (so every number a preset stands for appears in the outputs). The compiler checks the
 * expressions, their names and units.
 */
export function loadIndicators(rawIndicators: RawIndicators, rawTargets: RawTargets, model: IndicatorContext): { indicators: IndicatorDefinition[]; targets: TargetDefinition[] } {
  const { context, frame } = model;
  const inHorizon = (year: number, path: string, what: string) => {
    if (year < frame.time.start || year > frame.time.end) throw context.fail(`invalid year: ${what} ${year} is outside the horizon ${frame.time.start}–${frame.time.end}`, path, 'choose a year of the model');
  };
  const indicators: IndicatorDefinition[] = Object.entries(rawIndicators).map(([name, raw]) => {
    const path = childPath('indicators', name);
    const form = typeof raw === 'string' ? { expression: raw } : raw;
    const changeFrom = 'change_from' in form ? form.change_from : undefined;
    if (changeFrom !== undefined) inHorizon(changeFrom, childPath(path, 'change_from'), 'change_from');
    return {
      name,
      expression: String(form.expression),
      unit: 'unit' in form && form.unit !== undefined ? String(form.unit) : undefined,
      changeFrom,
      label: 'label' in form ? form.label : undefined,
      path: typeof raw === 'string' ? path : childPath(path, 'expression'),
    };
  });
  const targets: TargetDefinition[] = [];
  for (const [name, raw] of Object.entries(rawTargets)) {
    const path = childPath('targets', name);
    if ('preset' in raw) {
      const preset = c40Preset(name, raw, path, model);
      indicators.push(...preset.indicators);
      targets.push(...preset.targets);
      continue;
    }
    if (!indicators.some((indicator) => indicator.name === raw.indicator)) throw unknownNameError('indicator', raw.indicator, indicators.map((indicator) => indicator.name), context.at(childPath(path, 'indicator')));
    inHorizon(raw.year, childPath(path, 'year'), 'target year');
    if ((raw.at_least === undefined) === (raw.at_most === undefined)) throw context.fail(`invalid target: ${name} needs exactly one of at_least and at_most`, path, 'e.g. { indicator: diversion, year: 2030, at_least: 0.7 }');
    targets.push({
      name,
      indicator: raw.indicator,
      year: raw.year,
      comparison: raw.at_least !== undefined ? 'at-least' : 'at-most',
      value: raw.at_least ?? raw.at_most!,
      label: raw.label,
      preset: undefined,
      path,
    });
  }
  return { indicators, targets };
}

type PresetForm = Extract<RawTargets[string], { preset: string }>;

/** The three C40 targets as indicators over the model's tagged flows and population driver. */
function c40Preset(name: string, raw: PresetForm, path: string, { flows, drivers, context, frame }: IndicatorContext): { indicators: IndicatorDefinition[]; targets: TargetDefinition[] } {
  const tags = new Set(flows.flatMap((flow) => flow.tags));
  for (const key of ['generated', 'disposal'] as const) {
    if (!tags.has(raw[key])) throw unknownNameError('tag', raw[key], tags, context.at(childPath(path, key)));
  }
  if (!drivers.includes(raw.population)) throw unknownNameError('driver', raw.population, drivers, context.at(childPath(path, 'population')));
  const base = raw.base_year ?? 2015;
  const year = raw.year ?? 2030;
  for (const [key, value] of [['base_year', base], ['year', year]] as const) {
    if (value < frame.time.start || value > frame.time.end) throw context.fail(`invalid ${key}: ${value} is outside the horizon ${frame.time.start}–${frame.time.end}`, childPath(path, key), `the C40 targets compare ${year} with ${base}: both must be model years`);
  }
  const indicator = (suffix: string, expression: string, changeFrom: number | undefined, label: string): IndicatorDefinition => ({ name: `${name}_${suffix}`, expression, unit: undefined, changeFrom, label, path });
  const indicators = [
    indicator('generation_per_person', `${raw.generated} / ${raw.population}`, base, `Generation per person, change from ${base}`),
    indicator('disposal', raw.disposal, base, `Landfill and incineration, change from ${base}`),
    indicator('diversion', `1 - ${raw.disposal} / ${raw.generated}`, undefined, 'Diversion rate'),
  ];
  const target = (indicatorName: string, comparison: TargetDefinition['comparison'], value: number, label: string): TargetDefinition => ({
    name: indicatorName,
    indicator: indicatorName,
    year,
    comparison,
    value,
    label,
    preset: raw.preset,
    path,
  });
  return {
    indicators,
    targets: [
      target(indicators[0].name, 'at-most', C40.generationChange, `C40: generation per person −15 % from ${base} by ${year}`),
      target(indicators[1].name, 'at-most', C40.disposalChange, `C40: landfill and incineration −50 % from ${base} by ${year}`),
      target(indicators[2].name, 'at-least', C40.diversion, `C40: diversion at least 70 % by ${year}`),
    ],
  };
}
