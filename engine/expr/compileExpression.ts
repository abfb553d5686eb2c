import { checkSeriesSize, valueBudget } from '../definition/limits.js';
import { OptionsError, type SourceLocation } from '../errors.js';
import { sizeOf } from '../compile/dimensionIndex.js';
import { compileNode } from './compileNode.js';
import { formatDims, type Dims } from './dimensionRules.js';
import type { Quoted } from './expressionTree.js';
import { parseExpression } from './parseExpression.js';
import type { Unit, UnitSystem } from './unitSystem.js';

/** What an expression can see: the model's dimensions and the names it may use. */
export interface ExpressionScope {
  /** The model's dimensions, in declaration order. */
  readonly dimensions: readonly { readonly name: string; readonly items: readonly string[] }[];
  /** Number of yearly steps T. */
  readonly horizon: number;
  /** A driver or parameter: its dims (ascending positions in `dimensions`) and unit. */
  lookup(name: string): { readonly dims: readonly number[]; readonly unit: Unit } | undefined;
  /** Every name `lookup` knows, for "did you mean" hints. */
  names(): Iterable<string>;
  readonly units: UnitSystem;
}

/**
 * An expression checked and turned into a closure. Series ("fields") are year-major:
 * `data[t * size + item]`, items row-major over the dims in model order, values SI-based.
 */
export interface CompiledExpression {
  readonly source: string;
  /** Distinct names used, in order of first use; `inputs[k]` of `evaluate` is the series of `references[k]`. */
  readonly references: readonly string[];
  /** Dims of the result, ascending. */
  readonly dims: readonly number[];
  /** Unit of the result (its values are SI-based whatever unit this names). */
  readonly unit: Unit;
  /** The value when the expression uses no name and not `year` ("0.3", "1 - 0.3"). */
  readonly constantValue: number | undefined;
  /** Writes the result for every year into `out` (length T × size of dims). Allocates nothing; not re-entrant. */
  evaluate(inputs: readonly Float64Array[], years: Float64Array, out: Float64Array): void;
}

/** The intermediate results of all expressions of one model (one scope) count against one limit. */
const budgets = new WeakMap<ExpressionScope, ReturnType<typeof valueBudget>>();

/**
 * Parses, checks (whitelist, names, dimensions, units) and compiles `source` once. Every
 * mistake is a ModelError at `at`; the closures that come out never throw on data.
 */
export function compileExpression(source: string, scope: ExpressionScope, at: SourceLocation): CompiledExpression {
  const { horizon } = scope;
  if (!Number.isInteger(horizon) || horizon < 1) throw new OptionsError('horizon', `must be a positive integer (got ${horizon})`);
  const tree = parseExpression(source, at);
  const itemCounts = scope.dimensions.map((dimension) => dimension.items.length);
  const dimensionNames = scope.dimensions.map((dimension) => dimension.name);
  const references: string[] = [];
  const inputLengths: number[] = [];
  let budget = budgets.get(scope);
  if (!budget) budgets.set(scope, (budget = valueBudget('expressions')));
  const values = budget;
  const root = compileNode(tree, {
    scope,
    at,
    itemCounts,
    dimensionNames,
    reference(name: string, dims: Dims) {
      const known = references.indexOf(name);
      if (known >= 0) return known;
      inputLengths.push(horizon * sizeOf(dims, itemCounts));
      return references.push(name) - 1;
    },
    buffer(dims: Dims, node: Quoted) {
      const size = sizeOf(dims, itemCounts);
      // The subject is written out for the message only: quoting a node runs mathjs's toString.
      checkSeriesSize(() => `"${node.text}" over ${formatDims(dims, dimensionNames)}`, horizon, size, at, 'aggregate with sum(x, dimension) before combining dimensions, or use fewer items');
      values.add(horizon, size, at);
      return new Float64Array(horizon * size);
    },
  });
  const outLength = horizon * sizeOf(root.dims, itemCounts);
  const field = root.field;

  function checkLengths(inputs: readonly Float64Array[], years: Float64Array, out: Float64Array): void {
    if (inputs.length !== references.length) throw new OptionsError('inputs', `must hold ${references.length} series, one per reference of "${source}" (got ${inputs.length})`);
    for (let k = 0; k < inputs.length; k++) {
      if (inputs[k].length !== inputLengths[k]) throw new OptionsError(`inputs[${k}]`, `must have length ${inputLengths[k]} for ${references[k]} (got ${inputs[k].length})`);
    }
    if (years.length !== horizon) throw new OptionsError('years', `must have length ${horizon} (got ${years.length})`);
    if (out.length !== outLength) throw new OptionsError('out', `must have length ${outLength} (got ${out.length})`);
  }

  return Object.freeze({
    source,
    references: Object.freeze(references),
    dims: Object.freeze([...root.dims]),
    unit: root.unit,
    constantValue: root.constant,
    evaluate(inputs: readonly Float64Array[], years: Float64Array, out: Float64Array): void {
      checkLengths(inputs, years, out);
      out.set(field(inputs, years));
    },
  });
}
