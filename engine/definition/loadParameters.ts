import { checkValues } from './checkValues.js';
import { dimensionSpace, type DimensionSpace } from './dimensionSpace.js';
import { itemValues } from './itemTree.js';
import type { ModelFrame } from './loadDrivers.js';
import type { LoadContext } from './loadContext.js';
import type { NumberTree, RawParameter } from './schema.js';
import { childPath } from './sourceMap.js';
import type { ParameterDefinition } from './types.js';

/** A parameter with what scenarios need to override it: its items and whether it may be negative. */
export interface LoadedParameter {
  readonly definition: ParameterDefinition;
  /** Undefined for an expression parameter, whose dimensions only the compiler knows. */
  readonly space: DimensionSpace | undefined;
  readonly signed: boolean;
}

/** `0.3`, `{ value, unit?, dims?, signed? }` or `{ expression, unit? }`. */
export function loadParameters(parameters: Readonly<Record<string, RawParameter>>, frame: ModelFrame, context: LoadContext): LoadedParameter[] {
  return Object.entries(parameters).map(([name, raw]): LoadedParameter => {
    const path = childPath('parameters', name);
    const form = typeof raw === 'number' ? { value: raw } : raw;
    if ((form.value === undefined) === (form.expression === undefined)) {
      throw context.fail(`invalid parameter: ${name} needs exactly one of value and expression`, path, 'a parameter is a number, { value: … } or { expression: "…" }');
    }
    if (form.expression !== undefined) {
      for (const key of ['dims', 'signed'] as const) {
        if (form[key] !== undefined) {
          throw context.fail(`invalid parameter: ${name} has an expression and ${key}`, childPath(path, key), 'the dimensions and values of an expression parameter follow from its expression; remove this key');
        }
      }
      return { definition: { kind: 'expression', name, unit: form.unit === undefined ? undefined : String(form.unit), expression: String(form.expression), path }, space: undefined, signed: true };
    }
    const space = dimensionSpace(form.dims ?? [], frame, childPath(path, 'dims'), context, `parameter ${name}`);
    const signed = form.signed ?? false;
    const value = quantityValues(form.value!, space, { subject: `parameter ${name}`, signed }, childPath(path, 'value'), context, 'error');
    return { definition: { kind: 'value', name, unit: String(form.unit ?? 1), dims: space.dims, value, signed, path }, space, signed };
  });
}

/**
 * One value per item of a quantity (a parameter's value, a scenario's value or a ramp's end
 * value), checked for finiteness and sign. Items missing from a ramp's end value are NaN: "unchanged".
 */
export function quantityValues(
  tree: NumberTree,
  space: DimensionSpace,
  quantity: { readonly subject: string; readonly signed: boolean },
  path: string,
  context: LoadContext,
  missing: 'error' | 'nan',
): Float64Array {
  if (space.listed.length === 0 && typeof tree !== 'number') {
    throw context.fail(`invalid value at ${path}: ${quantity.subject} has no dims, so it takes one number`, path, `declare the dimensions of the map on the ${quantity.subject}, e.g. dims: [stream]`);
  }
  const values = itemValues(tree, space, path, context, missing);
  const itemPath = (flat: number) => space.itemKeys(flat).reduce<string>((itemAt, key) => childPath(itemAt, key), path);
  checkValues(values, {
    subject: quantity.subject,
    signed: quantity.signed,
    nanMeansUnset: missing === 'nan',
    locate: (flat) => context.at(itemPath(flat)),
    describe: (flat) => space.itemLabel(flat),
  });
  return values;
}
