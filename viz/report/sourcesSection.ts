import type { FactorSource } from '../../engine/definition/loadLibraries.js';
import type { ReportSection } from './figureBlock.js';
import { h, text, textTable } from './html.js';
import { markdownHtml } from './markdown.js';

/** The model folder's SOURCES.md and the factor-library tables the model took, with their sources. */
export function sourcesSection(sources: { readonly file: string; readonly markdown: string } | undefined, factorSources: readonly FactorSource[]): ReportSection | undefined {
  if (sources === undefined && factorSources.length === 0) return undefined;
  const factors =
    factorSources.length > 0
      ? h('h3', {}, 'Factor libraries') +
        textTable(
          'Parameters taken from the shipped factor libraries',
          ['parameter', 'library', 'table', 'source', 'read in'],
          factorSources.map((entry) => [entry.parameter, entry.library, entry.table, entry.source, entry.readIn]),
        )
      : '';
  const document = sources ? h('p', { class: 'note' }, text(`From ${sources.file}:`)) + h('div', { class: 'sources' }, markdownHtml(sources.markdown)) : '';
  return { id: 'sources', title: 'Sources', html: factors + document };
}
