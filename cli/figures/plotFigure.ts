/** A figure the plot command drew: the SVG, what to say about it on the terminal, and its default file name (without extension). */
export interface PlotFigure {
  readonly svg: string;
  readonly notes: readonly string[];
  readonly name: string;
}
