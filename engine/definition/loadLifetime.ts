import { LIMITS, limitError } from './limits.js';
import type { LoadContext } from './loadContext.js';
import { literalNumber } from './decimal.js';
import type { RawLifetime } from './schema.js';
import { childPath } from './sourceMap.js';
import type { LifetimeDefinition, LifetimeDistribution } from './types.js';

/**
 * `{ weibull: { shape: 2.2, scale: 15.2 } }` or `{ table: [1, 0.9, …] }`: exactly one key naming
 * the distribution. Parameters stay expressions (a driver may make them differ by cohort); the
 * ones written as numbers are checked here, the others when they are evaluated.
 */
export function loadLifetime(raw: RawLifetime, stock: string, path: string, context: LoadContext): LifetimeDefinition {
  const named = (Object.keys(raw) as LifetimeDistribution[]).filter((key) => raw[key] !== undefined);
  if (named.length !== 1) {
    throw context.fail(
      `invalid lifetime: stock ${stock} names ${named.length === 0 ? 'no distribution' : `${named.join(' and ')}`}`,
      path,
      'give exactly one distribution: fixed, normal, folded-normal, lognormal, weibull, gamma, exponential or table',
    );
  }
  const [distribution] = named;
  const distributionPath = childPath(path, distribution);
  if (distribution === 'table') {
    const table = raw.table!;
    if (table.length > LIMITS.years) {
      throw limitError(`too many values: the lifetime table of stock ${stock} has ${table.length} ages, more than ${LIMITS.years}`, context.at(distributionPath), `a survival table gives shares for at most ${LIMITS.years} ages; cut it where no cohort survives`);
    }
    table.forEach((share, age) => {
      const previous = age === 0 ? 1 : table[age - 1];
      if (!(share >= 0 && share <= previous)) {
        throw context.fail(
          `invalid lifetime table: stock ${stock} has ${share} surviving at age ${age}`,
          childPath(distributionPath, age),
          'a survival table gives shares within [0, 1] that never increase with age',
        );
      }
    });
    return { distribution, parameters: {}, table: [...table], path: distributionPath };
  }
  const given = raw[distribution] as Readonly<Record<string, string | number>>;
  const parameters: Record<string, string> = {};
  for (const [name, expression] of Object.entries(given)) {
    const literal = literalNumber(expression);
    if (literal !== undefined && literal < 0) {
      throw context.fail(`negative value in lifetime of stock ${stock} (${name}: ${literal})`, childPath(distributionPath, name), 'lifetime parameters are years (or a shape) and cannot be negative');
    }
    parameters[name] = String(expression);
  }
  return { distribution, parameters, table: undefined, path: distributionPath };
}
