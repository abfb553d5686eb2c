import type { DriverForecastDefinition, ForecastSummary } from '../../engine/definition/forecastDriver.js';
import type { ModelDefinition } from '../../engine/definition/types.js';

const number = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });

/** Every forecast a model fits at load, of its drivers and of its scenarios' overrides, as `validate` prints it. */
export function formatForecasts(definition: ModelDefinition): string[] {
  const entries: { where: string; forecast: DriverForecastDefinition }[] = [];
  for (const driver of definition.drivers) if (driver.forecast) entries.push({ where: `driver ${driver.name}`, forecast: driver.forecast });
  for (const scenario of definition.scenarios) {
    for (const override of scenario.overrides) {
      if (override.kind === 'set-driver' && override.forecast) entries.push({ where: `scenario ${scenario.name}, driver ${override.target}`, forecast: override.forecast });
    }
  }
  if (entries.length === 0) return [];
  const lines = ['', 'forecasts (fitted to the given years when the model loads; later years are projected):'];
  for (const { where, forecast } of entries) {
    lines.push(`  ${where}: ${forecast.spec.method}${forecast.on ? ` on ${forecast.on}` : ''}, observed until ${forecast.lastObserved}`);
    for (const fit of forecast.fits) lines.push(...formatFit(fit, forecast.fits.length > 1));
  }
  return lines;
}

function formatFit(fit: ForecastSummary, named: boolean): string[] {
  const indent = named ? '      ' : '    ';
  const parameters = Object.entries(fit.parameters).map(([name, parameter]) => {
    const error = parameter.standardError === undefined ? '' : ` ± ${number.format(parameter.standardError)}`;
    return `${name} ${number.format(parameter.value)}${error}${parameter.source === 'fitted' ? '' : ` (${parameter.source})`}`;
  });
  const { goodness } = fit;
  const quality = [
    goodness.mape === undefined ? undefined : `MAPE ${number.format(goodness.mape)} %`,
    `RMSE ${number.format(goodness.rmse)}`,
    goodness.aic === undefined ? undefined : `AIC ${number.format(goodness.aic)}`,
    goodness.posteriorVarianceRatio === undefined ? undefined : `C ${number.format(goodness.posteriorVarianceRatio)}`,
    goodness.smallErrorProbability === undefined ? undefined : `P ${number.format(goodness.smallErrorProbability)}`,
    `n ${goodness.n}`,
  ].filter((part) => part !== undefined);
  return [
    ...(named ? [`    ${fit.item}:`] : []),
    `${indent}${fit.description}`,
    `${indent}parameters: ${parameters.join(', ')}`,
    `${indent}fit: ${quality.join(', ')}; ${Math.round(fit.interval.level * 100)} % prediction interval: ${fit.interval.method}`,
  ];
}
