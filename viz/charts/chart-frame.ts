import { headerSvg } from '../figure/header.js';
import { legendSvg, type LegendGroup } from '../figure/legend.js';
import { notesSvg } from '../figure/notes.js';
import type { FigureWidth } from '../figure/size.js';
import { figureWidthPoints } from '../figure/size.js';
import { OptionsError } from '../../engine/errors.js';
import { X_AXIS_HEIGHT } from '../axes/axis.js';
import type { Box } from '../labels/box.js';
import { svgDocument } from '../svg/document.js';

/** The lowest plotting area a chart may have, in points: less leaves no room for an axis's ticks. */
export const MIN_PLOT_HEIGHT = 40;

/** Options every chart takes. */
export interface ChartOptions {
  /** 'single' (85 mm, the default), 'double' (175 mm) or millimetres. */
  readonly width?: FigureWidth;
  /** Height of the plotting area in points (default 55% of the width, at most 200 pt). */
  readonly plotHeight?: number;
}

export interface ChartFrameSpec {
  readonly title: string;
  readonly subtitle: string;
  readonly options: ChartOptions;
  /** Width left of the plot for the y axis (its tick labels and title) or category labels. */
  readonly leftWidth: number;
  /** Room right of the plot, e.g. for labels at the ends of lines. */
  readonly rightWidth?: number;
  readonly legend: readonly LegendGroup[];
  readonly notes?: readonly { readonly text: string; readonly color?: string }[];
}

export interface ChartFrame {
  readonly width: number;
  readonly height: number;
  readonly plot: Box;
  /** The whole figure: header, the chart's own marks and axes, legend and notes. */
  readonly document: (marks: string) => string;
}

const MARGIN = 6;

/** Header on top, the plot with room for its axes, then legend and notes under the x axis. */
export function chartFrame(spec: ChartFrameSpec): ChartFrame {
  const width = figureWidthPoints(spec.options.width ?? 'single');
  const plotHeight = spec.options.plotHeight ?? Math.min(0.55 * width, 200);
  if (!(plotHeight >= MIN_PLOT_HEIGHT && plotHeight <= 2000)) throw new OptionsError('plotHeight', `must be between ${MIN_PLOT_HEIGHT} and 2000 points (got ${plotHeight})`);
  const contentWidth = width - 2 * MARGIN;
  const header = headerSvg(spec.title, spec.subtitle, MARGIN, MARGIN, contentWidth);
  const top = MARGIN + header.height + 8;
  const plot = { x0: MARGIN + spec.leftWidth, y0: top, x1: width - MARGIN - (spec.rightWidth ?? 4), y1: top + plotHeight };
  const legendTop = plot.y1 + X_AXIS_HEIGHT + 6;
  const legend = legendSvg(spec.legend, MARGIN, legendTop, contentWidth);
  const notesTop = legendTop + legend.height + (legend.height > 0 ? 3 : 0);
  const notes = notesSvg(spec.notes ?? [], MARGIN, notesTop, contentWidth);
  const height = notesTop + notes.height + MARGIN;
  return {
    width,
    height,
    plot,
    document: (marks) => svgDocument(width, height, spec.title, header.svg + marks + legend.svg + notes.svg),
  };
}
