import { solveTargets, type PolicyLever, type PolicySolution } from '../../engine/analysis/solveTarget.js';
import { compile } from '../../engine/compile/compileModel.js';
import type { CompiledModel } from '../../engine/compile/compiledModel.js';
import { itemLabels } from '../../engine/compile/dimensionIndex.js';
import { loadModel } from '../../engine/definition/loadModelFile.js';
import { checkScenario } from '../checkScenario.js';
import { EXIT_RUN_FAILED, UsageError } from '../failure.js';
import { targetLines } from '../output/formatSummary.js';

export interface SolveFlags {
  readonly target: string;
  readonly vary: string;
  readonly rampTo?: string;
  readonly rampFrom?: string;
  readonly range?: string;
  readonly scenario?: string;
  readonly json?: boolean;
}

const number = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 6 });

/** `metabolis solve-target <model>`: find and print the least change of a parameter that meets the targets. */
export function solveTarget(modelPath: string, flags: SolveFlags): void {
  const model = compile(loadModel(modelPath));
  checkScenario(model, flags.scenario);
  const lever = parseLever(model, flags);
  const solution = solveTargets(model, flags.target.split(',').map((name) => name.trim()), lever, flags.scenario);
  process.stdout.write(flags.json ? `${JSON.stringify(solution, null, 2)}\n` : `${formatSolution(solution)}\n`);
  if (solution.value === undefined || !solution.check.every((target) => target.met)) process.exitCode = EXIT_RUN_FAILED;
}

function parseLever(model: CompiledModel, flags: SolveFlags): PolicyLever {
  const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[([^\]]+)\])?$/.exec(flags.vary.trim());
  if (!match) throw new UsageError(`--vary must name a parameter, or one item of it as name[item] (got ${flags.vary})`);
  const [, parameter, item] = match;
  const index = model.symbolIndex.get(parameter);
  const symbol = index === undefined ? undefined : model.symbols[index];
  if (!symbol || symbol.kind !== 'value') {
    throw new UsageError(`--vary ${parameter} is not a value parameter of the model (value parameters: ${model.symbols.filter((s) => s.kind === 'value').map((s) => s.name).join(', ')})`);
  }
  const labels = itemLabels(symbol.dims, model.definition.dimensions.map((d) => d.items)).map((label) => label.join(', '));
  let items: number[] | undefined;
  if (item !== undefined) {
    const k = labels.indexOf(item);
    if (k < 0) throw new UsageError(`--vary ${parameter}[${item}]: ${item} is not an item of ${parameter} (items: ${labels.join('; ')})`);
    items = [k];
  }
  const year = (flag: string, value: string) => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed)) throw new UsageError(`${flag} must be a year (got ${value})`);
    return parsed;
  };
  const { start, end } = model.definition.time;
  const ramp = flags.rampTo === undefined ? undefined : { from: flags.rampFrom === undefined ? start : year('--ramp-from', flags.rampFrom), to: year('--ramp-to', flags.rampTo) };
  if (flags.rampFrom !== undefined && ramp === undefined) throw new UsageError('--ramp-from goes with --ramp-to');
  if (ramp && (ramp.from >= ramp.to || ramp.from < start || ramp.from > end)) throw new UsageError(`the ramp must start in a model year (${start}–${end}) before it ends (got ${ramp.from} to ${ramp.to})`);
  let range: [number, number];
  if (flags.range !== undefined) {
    const parts = flags.range.split(',').map(Number);
    if (parts.length !== 2 || !parts.every(Number.isFinite) || !(parts[0] < parts[1])) throw new UsageError(`--range must be low,high with low < high (got ${flags.range})`);
    range = [parts[0], parts[1]];
  } else {
    const unit = model.definition.parameters.find((p) => p.name === parameter)!.unit;
    if (unit !== undefined && unit !== '1') throw new UsageError(`--range is needed for ${parameter}, which is in ${unit}: give the values allowed as low,high`);
    range = [0, 1];
  }
  return { parameter, items, ramp, range };
}

function formatSolution(solution: PolicySolution): string {
  const { lever } = solution;
  const what = `${lever.parameter}${lever.items ? ' (one item)' : ''}${lever.ramp ? `, ramped from its value in ${lever.ramp.from} to the value found in ${lever.ramp.to}` : ', set in every year'}`;
  const lines = [`varying ${what}, within [${lever.range[0]}, ${lever.range[1]}] (base value ${number.format(solution.baseValue)}):`];
  for (const need of solution.needs) {
    const detail =
      need.status === 'solved'
        ? `just met at ${number.format(need.value!)}; met for ${number.format(need.feasible![0])} to ${number.format(need.feasible![1])}`
        : need.status === 'met-throughout'
          ? 'met by every value in the range'
          : need.message!;
    lines.push(`  ${need.target}: ${detail}`);
  }
  if (solution.value === undefined) {
    lines.push('', 'no value in the range meets every target');
  } else {
    lines.push('', `the least change that meets every target: ${lever.parameter} = ${number.format(solution.value)} (${solution.runs} runs)`);
    lines.push(...targetLines(solution.check).slice(1).map((line) => line.replace(/^targets:$/, 'with it:')));
    if (!solution.check.every((target) => target.met)) lines.push('', 'the check run misses a target: its margin does not change sign only once over the range; narrow --range');
  }
  return lines.join('\n');
}
