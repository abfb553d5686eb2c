import { line } from 'd3-shape';
import { sameValues } from '../../engine/analysis/identicalRuns.js';
import type { Obstacle } from '../labels/place.js';
import { element } from '../svg/element.js';
import { polylineObstacles } from './line-obstacles.js';

/** Scenarios whose lines in one panel coincide over the whole horizon: the same values (`exact`), or within a line's width. */
export interface LineGroup {
  readonly panel: string;
  readonly scenarios: readonly string[];
  readonly exact: boolean;
}

/** Length of each colour's dash where lines coincide, in points. */
const DASH = 3;

/** Whether two series lie within `tolerance` of each other in year t (both missing counts as together). */
function near(a: ArrayLike<number>, b: ArrayLike<number>, t: number, tolerance: number): boolean {
  return Math.abs(a[t] - b[t]) < tolerance || (Number.isNaN(a[t]) && Number.isNaN(b[t]));
}

/** Greedy groups: each of `count` members joins the first group whose first member it `joins`, else starts one. */
function greedyGroups(count: number, joins: (first: number, member: number) => boolean): number[][] {
  const groups: number[][] = [];
  for (let s = 0; s < count; s++) {
    const group = groups.find((members) => joins(members[0], s));
    if (group) group.push(s);
    else groups.push([s]);
  }
  return groups;
}

/**
 * Scenarios whose lines in one panel are drawn as one over the whole horizon: the same series, or
 * within `tolerance` (in the panel's units: a line's width on the plot) in every year.
 */
export function lineGroups(panel: string, values: readonly ArrayLike<number>[], scenarios: readonly string[], tolerance: number): LineGroup[] {
  const years = values[0].length;
  const together = (a: number, b: number) => Array.from({ length: years }, (_, t) => t).every((t) => near(values[a], values[b], t, tolerance));
  return greedyGroups(values.length, together)
    .filter((members) => members.length > 1)
    .map((members) => ({ panel, scenarios: members.map((s) => scenarios[s]), exact: members.every((s) => sameValues(values[members[0]], values[s])) }));
}

/** "status-quo = trend in every panel: the same values." for each set of scenarios drawn as one line over the whole horizon. */
export function groupNotes(groups: readonly LineGroup[], panelCount: number): string[] {
  const where = new Map<string, { exact: boolean; panels: string[] }>();
  for (const group of groups) {
    const key = group.scenarios.join(group.exact ? ' = ' : ' ≈ ');
    const entry = where.get(key) ?? { exact: group.exact, panels: [] };
    entry.panels.push(group.panel);
    where.set(key, entry);
  }
  return [...where].map(([key, { exact, panels }]) => {
    const place = panels.length === panelCount && panelCount > 1 ? 'in every panel' : panels.length === 1 ? `in ${panels[0]}` : `in ${panels.length} panels (${panels.join('; ')})`;
    return `${key} ${place}: ${exact ? 'the same values' : 'within a line’s width of each other'}.`;
  });
}

/** Per scenario and year (from t to t + 1), the members of its group there when it has company: lines within `tolerance` at both ends. */
export type YearGroups = readonly (readonly (readonly number[] | undefined)[])[];

export function yearGroups(values: readonly ArrayLike<number>[], tolerance: number): YearGroups {
  const years = values[0].length;
  const groupOf = values.map(() => new Array<readonly number[] | undefined>(years - 1).fill(undefined));
  for (let t = 0; t + 1 < years; t++) {
    for (const members of greedyGroups(values.length, (a, b) => near(values[a], values[b], t, tolerance) && near(values[a], values[b], t + 1, tolerance))) {
      if (members.length > 1) for (const s of members) groupOf[s][t] = members;
    }
  }
  return groupOf;
}

/**
 * Lines of several scenarios in which none hides another. Every line is drawn whole, in scenario
 * order; then over each run of years in which lines coincide (`groups`), every member of the
 * group but the last is drawn again on top in dashes of its colour, offset so that the k
 * members' colours take turns along the line (the last one's shows in the gaps). Each run is one
 * path, so the members' dashes start together. Returns the marks and the lines as obstacles for
 * labels.
 */
export function coincidingLines(
  values: readonly ArrayLike<number>[],
  groups: YearGroups,
  colors: readonly string[],
  x: (t: number) => number,
  y: (value: number) => number,
  stroke: number,
  group: number,
): { svg: string; obstacles: Obstacle[] } {
  const years = values[0].length;
  const path = line<number>()
    .defined(Number.isFinite)
    .x((_, t) => x(t))
    .y((value) => y(value));
  let svg = '';
  const obstacles: Obstacle[] = [];
  values.forEach((series, s) => {
    svg += element('path', { d: path(Array.from(series)) ?? '', fill: 'none', stroke: colors[s], 'stroke-width': stroke });
    obstacles.push(...polylineObstacles(Array.from({ length: years }, (_, t) => x(t)), Array.from(series, (value) => y(value)), stroke, group * 100 + s));
  });
  values.forEach((series, s) => {
    for (let t = 0; t + 1 < years; ) {
      const members = groups[s][t];
      let end = t;
      while (end + 2 < years && sameGroup(groups[s][end + 1], members)) end++;
      const m = members?.indexOf(s) ?? -1;
      if (members && m < members.length - 1) {
        const run = Array.from(series, (value, u) => (u >= t && u <= end + 1 ? value : NaN));
        const dash = { 'stroke-dasharray': `${DASH} ${(members.length - 1) * DASH}`, 'stroke-dashoffset': -m * DASH };
        svg += element('path', { d: path(run) ?? '', fill: 'none', stroke: colors[s], 'stroke-width': stroke, ...dash });
      }
      t = end + 1;
    }
  });
  return { svg, obstacles };
}

function sameGroup(a: readonly number[] | undefined, b: readonly number[] | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((member, i) => member === b[i]));
}
