import { describe, expect, it } from 'vitest';
import { solutionSankeyInput } from '../../../viz/adapters/index.js';
import type { Box } from '../../../viz/labels/box.js';
import { sankeyScene, type SankeyScene } from '../../../viz/sankey/scene.js';
import { sankeySvg } from '../../../viz/index.js';
import { SHIPPED_MODELS, shippedRuns } from '../adapters/fixtures.js';
import { boxDistance, labelConflicts } from './label-geometry.js';

/** Farthest a label may sit from what it labels: the gap labels keep (2.5 points, 4 from a stock box), and rounding. */
const NEXT_TO = 4.5;
/** Longest leader line: a label that had to move, moved only a little (six steps of 0.6 lines, diagonally). */
const LONGEST_LEADER = 40;

const union = (a: Box, b: Box | undefined): Box => (b ? { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) } : a);

/** What each node, stock and imbalance label belongs to: the node with its stock element, the stock box, the marker. */
function anchors(scene: SankeyScene): Map<string, Box> {
  const { graph, geometry } = scene;
  const byId = new Map<string, Box>();
  graph.nodes.forEach((node, i) => {
    const stock = geometry.routing.stocks[i]?.box;
    byId.set(`node:${node.key}`, union(geometry.layout.nodes[i], stock));
    if (stock) byId.set(`stock:${node.key}`, stock);
    const marker = geometry.routing.imbalances[i];
    if (marker) byId.set(`imbalance:${node.key}`, marker.box);
  });
  return byId;
}

describe.each(SHIPPED_MODELS)('labels of %s', (name) => {
  const { definition, solutions } = shippedRuns(name);
  const cases = solutions.flatMap((solution) =>
    [solution.years[0], 2030, 2050].flatMap((year) =>
      (['single', 'double'] as const).map((width) => ({ solution, year, width, label: `${solution.scenario} ${year} ${width}` })),
    ),
  );

  it.each(cases)(`sankeyScene(${name}, $label) places labels that overlap no other label, node, band or stock`, ({ solution, year, width }) => {
    const scene = sankeyScene(solutionSankeyInput(solution, { period: { year }, processes: definition.processes }), { width });
    expect(labelConflicts(scene)).toEqual([]);
    expect(scene.labels.overlapping).toBe(0);
    expect(scene.labels.obstructed).toBe(0);
  });

  it.each(cases)(`sankeyScene(${name}, $label) puts every name, stock and imbalance label (or its key) next to what it labels`, ({ solution, year, width }) => {
    const scene = sankeyScene(solutionSankeyInput(solution, { period: { year }, processes: definition.processes }), { width });
    const byId = anchors(scene);
    const far: string[] = [];
    for (const label of scene.labels.placed) {
      const anchor = byId.get(label.id);
      if (!anchor) continue;
      const leader = label.leader ? Math.hypot(label.leader.x2 - label.leader.x1, label.leader.y2 - label.leader.y1) : 0;
      if (label.leader ? leader > LONGEST_LEADER : boxDistance(label.box, anchor) > NEXT_TO) far.push(label.id);
    }
    expect(far).toEqual([]);
    // A stock without a label of its own is listed in its node's key entry.
    const placed = new Set(scene.labels.placed.map((label) => label.id));
    const listed = scene.labels.keys.map((entry) => entry.text).join('\n');
    scene.graph.nodes.forEach((node, i) => {
      const stock = node.stock;
      if (!placed.has(`stock:${node.key}`) && stock) expect(listed).toContain(`${node.label} `);
      expect(placed.has(`node:${node.key}`)).toBe(true);
      if (scene.geometry.routing.imbalances[i]) expect(placed.has(`imbalance:${node.key}`)).toBe(true);
    });
  });

  it(`sankeySvg(${name}) lists every key number it draws, once, with the label it stands for`, () => {
    const figure = sankeySvg(solutionSankeyInput(solutions[0], { period: { year: 2030 }, processes: definition.processes }), { width: 'single' });
    const drawn = figure.labels.filter((label) => label.keyed).map((label) => Number(label.block.lines[0]));
    expect(drawn.sort((a, b) => a - b)).toEqual(figure.keys.map((_, k) => k + 1));
    expect(figure.keys.map((entry) => entry.key)).toEqual(figure.keys.map((_, k) => String(k + 1)));
    // Entries may wrap onto several lines: compare the text without spaces.
    const text = [...figure.svg.matchAll(/>([^<]+)<\/text>/g)].map((match) => match[1]).join('').replace(/\s/g, '');
    for (const entry of figure.keys) expect(text).toContain(entry.text.replace(/\s/g, ''));
  });
});
