import type { ReportSection } from './figureBlock.js';
import { h } from './html.js';
import type { SeriesTable } from './seriesTable.js';

/** The table view: a run and a series picked, the series by year and item; downloads of the tidy table. */
export function tablesSection(table: SeriesTable): ReportSection {
  const several = table.runs.length > 1;
  const controls = h(
    'div',
    { class: 'controls' },
    h('label', { hidden: !several }, 'Run ', h('select', { id: 'table-run' })),
    h('label', {}, 'Series ', h('select', { id: 'table-series' })),
    h('button', { type: 'button', id: 'csv-run' }, several ? "Download this run's tidy table (CSV)" : 'Download the tidy table (CSV)'),
    several ? h('button', { type: 'button', id: 'csv-all' }, 'Download every run (CSV)') : '',
  );
  const lead = h(
    'p',
    { class: 'lead' },
    'Every series of every run: flows, stocks with their inflow and outflow, and derived series such as emissions. ' +
      'The tidy table has the columns of <code>metabolis run</code>’s results.csv (year, kind, id, one per dimension, value, unit)' +
      (several ? '; the table of every run starts with a scenario column.' : '.'),
  );
  return { id: 'tables', title: 'Tables', html: lead + controls + h('div', { id: 'table-view', class: 'table-scroll', tabindex: 0, 'aria-label': 'The series picked, by year' }) };
}
