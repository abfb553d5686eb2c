import type { ParameterFit } from '../../engine/calibrate/fitParameters.js';
import { textColumns } from './textColumns.js';
import { seriesItems, type ObservedSeriesFit } from '../../engine/observations/observationFit.js';

const number = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });
const percent = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** The estimates with their standard errors, their correlation, and how well the fitted model reproduces each series. */
export function formatFit(title: string, fit: ParameterFit): string {
  const lines = [`${title}: fit of ${fit.estimates.length} parameter${fit.estimates.length === 1 ? '' : 's'}`, `status: ${fit.status} — ${fit.message}`];
  if (fit.status === 'no-run') return lines.join('\n');
  const rows = fit.estimates.map((estimate) => [
    estimate.label,
    number.format(estimate.initial),
    number.format(estimate.estimate),
    Number.isNaN(estimate.standardError) ? 'undetermined' : number.format(estimate.standardError),
    estimate.unit === '1' ? '' : estimate.unit,
    estimate.atBound ? 'at its bound (0)' : '',
  ]);
  lines.push('', ...textColumns(['parameter', 'initial', 'estimate', 'standard error', 'unit', ''], rows));
  const k = fit.estimates.length;
  if (k > 1) {
    lines.push('', 'correlation of the estimates:');
    lines.push(...textColumns(['', ...fit.estimates.map((_, j) => String(j + 1))], fit.estimates.map((estimate, i) => [`${i + 1} ${estimate.label}`, ...fit.estimates.map((_, j) => (Number.isNaN(fit.correlation[i * k + j]) ? '—' : fit.correlation[i * k + j].toFixed(2)))])));
  }
  if (fit.fit.length > 0) lines.push('', 'fit to the observations at the estimate (error = model − observed):', ...fit.fit.map((series) => `  ${seriesFitLine(series)}`));
  return lines.join('\n');
}

/** One observed series in one line: what, how many years, MAPE, bias and χ²/n. */
export function seriesFitLine(series: ObservedSeriesFit): string {
  const items = seriesItems(series);
  const name = `${series.observation}${items ? ` [${items}]` : ''} (${series.subject})`;
  const years = series.points.map((point) => point.year);
  const span = years.length === 1 ? `${years[0]}` : `${years[0]}–${years[years.length - 1]}`;
  const mape = Number.isNaN(series.mape) ? 'MAPE undefined (an observed 0)' : `MAPE ${percent.format(series.mape)} %`;
  const bias = `bias ${number.format(series.bias)} ${series.unit === '1' ? '' : series.unit} (${percent.format(100 * series.relativeBias)} %)`.replace('  ', ' ');
  const chi = series.weighted > 0 ? `, χ²/n ${number.format(series.chiSquare / series.weighted)}` : '';
  return `${name}: ${series.points.length} value${series.points.length === 1 ? '' : 's'} ${span}, ${mape}, ${bias}${chi}`;
}
