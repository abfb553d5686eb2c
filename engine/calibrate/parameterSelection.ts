import type { CompiledModel } from '../compile/compiledModel.js';
import { itemLabel, itemLabels } from '../compile/dimensionIndex.js';
import { nearestNames, OptionsError } from '../errors.js';

/** One number of the model to fit: a scalar value parameter, or one item of a per-item one. */
export interface FittedParameter {
  /** As written: `lifetime_mean`, `recycling_rate[paper]`. */
  readonly label: string;
  readonly name: string;
  readonly symbol: number;
  /** The item (flat index over the parameter's dims), or -1 for a scalar. */
  readonly item: number;
  /** Item names, one per dimension of the parameter ([] for a scalar). */
  readonly items: readonly string[];
  readonly dimensions: readonly string[];
  /** Declared unit; values are in it. */
  readonly unit: string;
  /** Value in the base model, the fit's start. */
  readonly initial: number;
  /** 0 unless the parameter is `signed` (then −∞). */
  readonly lower: number;
}

const SELECTION = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[([^\]]+)\])?$/;

/**
 * `name` or `name[item]` (`name[item, item]` over several dimensions, in the parameter's
 * dimension order): value parameters only, each number at most once.
 */
export function selectParameters(model: CompiledModel, selections: readonly string[]): FittedParameter[] {
  if (selections.length === 0) throw new OptionsError('parameters', 'must name at least one parameter to fit');
  const valueNames = model.symbols.filter((symbol) => symbol.kind === 'value').map((symbol) => symbol.name);
  const chosen = selections.map((text, index): FittedParameter => {
    const option = `parameters[${index}]`;
    const match = SELECTION.exec(text.trim());
    if (!match) throw new OptionsError(option, `must be a parameter name, or name[item] (got ${JSON.stringify(text)})`);
    const [, name, itemText] = match;
    const symbolIndex = model.symbolIndex.get(name);
    const symbol = symbolIndex === undefined ? undefined : model.symbols[symbolIndex];
    if (symbol === undefined || symbol.kind !== 'value') {
      const nearest = nearestNames(name, valueNames);
      const kind = symbol === undefined ? 'unknown parameter' : `${name} is a ${symbol.kind === 'driver' ? 'driver' : 'parameter computed by an expression'}, not a value parameter`;
      throw new OptionsError(option, `must name a value parameter: ${symbol === undefined ? `${kind}: ${name}` : kind}${nearest.length > 0 ? ` (did you mean ${nearest.map((n) => `'${n}'`).join(', ')}?)` : ''}`);
    }
    const definition = model.definition.parameters.find((parameter) => parameter.name === name);
    const dimensions = symbol.dims.map((dim) => model.definition.dimensions[dim].name);
    const allItems = model.definition.dimensions.map((dimension) => dimension.items);
    const labels = itemLabels(symbol.dims, allItems);
    let item = -1;
    if (symbol.dims.length > 0) {
      const wanted = itemText?.split(',').map((part) => part.trim());
      item = wanted === undefined ? -1 : labels.findIndex((label) => label.length === wanted.length && label.every((part, d) => part === wanted[d]));
      if (item < 0) {
        const examples = labels.slice(0, 3).map((label) => `${name}[${label.join(', ')}]`);
        throw new OptionsError(option, `must choose one item of ${name}, which is over ${dimensions.join(', ')}: ${itemText === undefined ? 'no item given' : `no item ${itemText}`} (e.g. ${examples.join(', ')})`);
      }
    } else if (itemText !== undefined) {
      throw new OptionsError(option, `must not name an item: ${name} is a single number`);
    }
    const initial = symbol.value.length === 1 ? symbol.value[0] : symbol.value[item];
    const signed = definition?.kind === 'value' && definition.signed;
    return {
      label: item < 0 ? name : `${name}[${labels[item].join(', ')}]`,
      name,
      symbol: symbolIndex!,
      item,
      items: item < 0 ? [] : itemLabel(symbol.dims, allItems, item),
      dimensions,
      unit: definition?.kind === 'value' ? definition.unit : '1',
      initial,
      lower: signed ? -Infinity : 0,
    };
  });
  chosen.forEach((parameter, index) => {
    if (chosen.findIndex((other) => other.label === parameter.label) !== index) throw new OptionsError(`parameters[${index}]`, `must not repeat ${parameter.label}`);
  });
  return chosen;
}

/** The run's parameter values: each fitted parameter's base values with its chosen items replaced by `theta`. */
export function parameterValues(model: CompiledModel, fitted: readonly FittedParameter[], theta: ArrayLike<number>): Record<string, Float64Array> {
  const values: Record<string, Float64Array> = {};
  fitted.forEach((parameter, j) => {
    const symbol = model.symbols[parameter.symbol];
    if (symbol.kind !== 'value') return;
    const current = values[parameter.name] ?? (values[parameter.name] = Float64Array.from(symbol.value.length === symbol.size ? symbol.value : Array.from({ length: symbol.size }, () => symbol.value[0])));
    if (parameter.item < 0) current.fill(theta[j]);
    else current[parameter.item] = theta[j];
  });
  return values;
}
