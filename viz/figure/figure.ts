/** A finished figure: the SVG document and its size in points (1/72 in). */
export interface Figure {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}
