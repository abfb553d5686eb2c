import type { CompiledProblem } from './compileProblem.js';
import type { ReconcileResult } from './reconcileResult.js';
import type { Outcome } from './reportReconciliation.js';

const STARTING_VALUES_HINT = 'give the unknowns in products starting values (initial) near their expected values and check that the constraints can hold';

function number(value: number): string {
  return String(Number(value.toPrecision(4)));
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The result in a few sentences: the verdict first, then what the user can do about it. */
export function reconcileMessage(problem: CompiledProblem, result: Omit<ReconcileResult, 'message'>, outcome: Outcome): string {
  if (result.status === 'inconsistent') return inconsistentMessage(problem, result);
  if (result.status === 'not-converged') {
    if (result.conflicts.length > 0) {
      return (
        `the iterated linearisation stopped at iteration ${outcome.iterations}: linearised at the current estimate, ${conflictList(result)}, ` +
        `and no slope is left to take it up: ${STARTING_VALUES_HINT}`
      );
    }
    if (!Number.isFinite(outcome.lastStep)) {
      return `the iterated linearisation diverged at iteration ${outcome.iterations} (a value became infinite or NaN): ${STARTING_VALUES_HINT}`;
    }
    const worst = outcome.shares.reduce((best, share, c) => (share > outcome.shares[best] ? c : best), 0);
    return (
      `the iterated linearisation did not converge in ${plural(outcome.iterations, 'iteration')} (last step ${number(outcome.lastStep)}, ` +
      `'${problem.labels[worst]}' still off by ${number(outcome.linearisation.residual[worst])}); the values are the last iterate's: ` +
      `${STARTING_VALUES_HINT}, or raise maxIterations`
    );
  }
  return convergedMessage(problem, result);
}

function conflictList(result: Omit<ReconcileResult, 'message'>): string {
  return result.conflicts.map(({ constraint, residual }) => `'${constraint}' is off by ${number(residual)}`).join(', ');
}

function inconsistentMessage(problem: CompiledProblem, result: Omit<ReconcileResult, 'message'>): string {
  const conflicts = conflictList(result);
  const labels = new Set(result.conflicts.map(({ constraint }) => constraint));
  const exact = new Set<string>();
  problem.labels.forEach((label, c) => {
    if (!labels.has(label)) return;
    for (let f = problem.factorStart[problem.termStart[c]]; f < problem.factorStart[problem.termStart[c + 1]]; f++) {
      if (problem.roles[problem.factors[f]] === 'exact') exact.add(problem.names[problem.factors[f]]);
    }
  });
  const culprits = exact.size > 0 ? `the exact values (sd 0) ${[...exact].join(', ')} and the constants` : 'the constants';
  return (
    `the constraints cannot all hold: ${conflicts}, and nothing that reconciliation may adjust can take it up; ` +
    `check ${culprits} in ${labels.size === 1 ? 'it' : 'them'}, or give a measurement there an sd > 0`
  );
}

function convergedMessage(problem: CompiledProblem, result: Omit<ReconcileResult, 'message'>): string {
  const { globalTest, measurementTest, variables, violations } = result;
  const sentences = [problem.linear ? 'reconciled' : `reconciled in ${plural(result.iterations, 'iteration')} of the linearisation`];
  if (globalTest.degreesOfFreedom === 0) {
    sentences.push('no balance checks any measurement (0 degrees of freedom): nothing can be tested; measure more of the flows to make errors visible');
  } else {
    const verdict = globalTest.passed
      ? `consistent with the balances at level ${globalTest.significance}`
      : `the measurements contradict the balances beyond their sds at level ${globalTest.significance}`;
    sentences.push(
      `chi-square ${number(globalTest.chiSquare)} on ${plural(globalTest.degreesOfFreedom, 'degree')} of freedom, p = ${number(globalTest.pValue)}: ${verdict}`,
    );
  }
  if (measurementTest.suspects.length > 0) {
    const suspects = measurementTest.suspects.map(({ variables: group, statistic }) =>
      group.length === 1 ? `${group[0]} (${number(statistic)})` : `one of ${group.join(', ')} (${number(statistic)}; no balance tells them apart)`,
    );
    sentences.push(
      `suspected gross errors, largest first (|normalised adjustment| above ${number(measurementTest.criticalValue)}, ` +
        `the level ${number(measurementTest.testLevel)} per test for ${measurementTest.significance} over ${plural(measurementTest.tests, 'test')}): ${suspects.join(', ')}`,
    );
  } else if (!globalTest.passed) {
    sentences.push('no single measurement stands out: check the sds and the model’s structure');
  }
  const named = (classification: string) => variables.filter((variable) => variable.classification === classification).map(({ name }) => name);
  const unobservable = named('unobservable');
  if (unobservable.length > 0) {
    sentences.push(`undetermined by the balances (unobservable): ${unobservable.join(', ')}; measure one of them or add a balance`);
  }
  const nonRedundant = named('non-redundant');
  if (nonRedundant.length > 0) sentences.push(`checked by no balance (non-redundant, kept as measured): ${nonRedundant.join(', ')}`);
  if (violations.length > 0) {
    const listed = violations.map(({ variable, bound, limit, value }) => `${variable} = ${number(value)} ${bound === 'lower' ? '<' : '>'} ${limit}`);
    sentences.push(`outside their bounds: ${listed.join(', ')}`);
  }
  return `${sentences[0]}: ${sentences.slice(1).join('; ')}`;
}
