import { h, text } from './html.js';
import { figureBlock, type ReportSection } from './figureBlock.js';
import type { SankeyFrames } from './sankeyFrames.js';

/**
 * The Sankey diagram with its controls: a scenario switch (radio buttons), a year slider and a
 * play button, all plain form controls that work from the keyboard; the values of the year shown
 * in a table (the diagram's text alternative, filled by the page's script) and, on hover, a
 * band's value.
 */
export function sankeySection(frames: SankeyFrames, year: number): ReportSection {
  const { years, scenarios } = frames;
  const switchHtml =
    scenarios.length > 1
      ? h(
          'fieldset',
          { class: 'scenario-switch' },
          h('legend', {}, 'Scenario'),
          ...scenarios.map((name, r) => h('label', {}, h('input', { type: 'radio', name: 'sankey-scenario', value: r, checked: r === 0 }), ' ', text(name))),
        )
      : h('p', {}, text(`Scenario: ${scenarios[0]}`));
  const yearHtml = h(
    'div',
    { class: 'year-control' },
    h('label', { for: 'sankey-year' }, 'Year'),
    h('input', { type: 'range', id: 'sankey-year', min: years[0], max: years[years.length - 1], step: 1, value: year }),
    // The statement of year and scenario under the controls is the one live region.
    h('output', { id: 'sankey-year-value', for: 'sankey-year', 'aria-live': 'off' }, String(year)),
    h('button', { type: 'button', id: 'sankey-play' }, 'Play'),
  );
  const alt = `Sankey diagram of the flows in one year and scenario, chosen with the controls above it`;
  const caption =
    'Flows in the year and scenario chosen, drawn as the static Sankey figures draw them (same layout rules and colours). ' +
    'Every band keeps its place for all years and scenarios: the layout is that of the largest value each band takes in any of them, ' +
    'so a band only grows and shrinks. Hover a band for its value; the table below lists every value.';
  const html =
    h('div', { class: 'controls' }, switchHtml, yearHtml) +
    h('p', { class: 'sankey-state', id: 'sankey-state', 'aria-live': 'polite' }) +
    figureBlock({ file: 'sankey', svg: frames.svg, alt, caption, id: 'sankey-picture' }) +
    h('div', { class: 'tooltip', id: 'sankey-tooltip', hidden: true }) +
    h(
      'details',
      {},
      h('summary', {}, 'Values of the year shown'),
      h(
        'table',
        { id: 'sankey-values' },
        h('caption', {}, 'Flows (per year), and stocks: net change and level at the end of the year'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'flow'), h('th', { scope: 'col' }, 'from'), h('th', { scope: 'col' }, 'to'), h('th', { scope: 'col', class: 'num' }, 'value'))),
        h('tbody', {}),
      ),
    );
  return { id: 'sankey', title: 'Flows', html };
}
