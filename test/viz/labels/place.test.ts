import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxesOverlap, insideBox } from '../../../viz/labels/box.js';
import { placeLabels, type LabelRequest, type Obstacle, type PlacedLabel } from '../../../viz/labels/place.js';
import { textBlock } from '../../../viz/labels/text-block.js';
import { wrapText } from '../../../viz/labels/wrap.js';
import { textWidth } from '../../../viz/text/measure.js';

const bounds = { x0: 0, y0: 0, x1: 300, y1: 200 };

const request = fc.record({
  x: fc.double({ min: 10, max: 290, noNaN: true }),
  y: fc.double({ min: 10, max: 190, noNaN: true }),
  text: fc.string({ minLength: 1, maxLength: 12 }),
  required: fc.boolean(),
});

const obstacle = fc.record({
  x0: fc.double({ min: 0, max: 280, noNaN: true }),
  y0: fc.double({ min: 0, max: 180, noNaN: true }),
  w: fc.double({ min: 1, max: 40, noNaN: true }),
  h: fc.double({ min: 1, max: 20, noNaN: true }),
});

function requests(specs: { x: number; y: number; text: string; required: boolean }[]): LabelRequest[] {
  return specs.map((spec, i) => {
    const block = textBlock([spec.text], 7);
    return {
      id: String(i),
      candidates: [
        { x: spec.x + 3, y: spec.y + 2, block },
        { x: spec.x - 3, y: spec.y + 2, block: { ...block, anchor: 'end' } },
        { x: spec.x, y: spec.y - 4, block: { ...block, anchor: 'middle' } },
      ],
      required: spec.required,
      anchor: { x0: spec.x, y0: spec.y, x1: spec.x, y1: spec.y },
    };
  });
}

describe('placeLabels', () => {
  it('placeLabels never lets two labels overlap unless it counts them as overlapping', () => {
    fc.assert(
      fc.property(fc.array(request, { maxLength: 25 }), fc.array(obstacle, { maxLength: 20 }), (specs, boxes) => {
        const obstacles: Obstacle[] = boxes.map((b, i) => ({ x0: b.x0, y0: b.y0, x1: b.x0 + b.w, y1: b.y0 + b.h, group: i }));
        const placement = placeLabels(requests(specs), obstacles, bounds);
        let overlaps = 0;
        for (let i = 0; i < placement.placed.length; i++) {
          for (let j = i + 1; j < placement.placed.length; j++) if (boxesOverlap(placement.placed[i].box, placement.placed[j].box)) overlaps++;
        }
        if (placement.overlapping === 0) expect(overlaps).toBe(0);
        expect(placement.placed.length + placement.dropped.length).toBe(specs.length);
      }),
    );
  });

  it('placeLabels places every required label and drops only optional ones', () => {
    fc.assert(
      fc.property(fc.array(request, { maxLength: 25 }), (specs) => {
        const placement = placeLabels(requests(specs), [], bounds);
        const placed = new Set(placement.placed.map((label) => label.id));
        specs.forEach((spec, i) => {
          if (spec.required) expect(placed.has(String(i))).toBe(true);
        });
        for (const id of placement.dropped) expect(specs[Number(id)].required).toBe(false);
      }),
    );
  });

  it('placeLabels keeps optional labels off obstacles and inside the bounds', () => {
    fc.assert(
      fc.property(fc.array(request.map((r) => ({ ...r, required: false })), { maxLength: 20 }), fc.array(obstacle, { maxLength: 20 }), (specs, boxes) => {
        const obstacles: Obstacle[] = boxes.map((b, i) => ({ x0: b.x0, y0: b.y0, x1: b.x0 + b.w, y1: b.y0 + b.h, group: i }));
        for (const label of placeLabels(requests(specs), obstacles, bounds).placed) {
          expect(insideBox(label.box, bounds)).toBe(true);
          for (const box of obstacles) expect(boxesOverlap(label.box, box)).toBe(false);
        }
      }),
    );
  });

  it('placeLabels takes the first free candidate and moves a crowded required label with a leader line', () => {
    const block = textBlock(['Landfill'], 7);
    const first: LabelRequest = { id: 'a', candidates: [{ x: 100, y: 100, block }], required: true, anchor: { x0: 95, y0: 95, x1: 99, y1: 105 } };
    const second: LabelRequest = { ...first, id: 'b' };
    const placement = placeLabels([first, second], [], bounds);
    expect(placement.placed[0]).toMatchObject({ id: 'a', x: 100, y: 100, leader: undefined });
    expect(placement.placed[1].leader).toBeDefined();
    expect(boxesOverlap(placement.placed[0].box, placement.placed[1].box)).toBe(false);
    expect(placement.overlapping).toBe(0);
  });
});

describe('placeLabels with key stand-ins', () => {
  const block = textBlock(['Incineration 472 kt/yr'], 7);
  const key = textBlock(['0'], 7, 'middle', 'semibold');
  const anchor = { x0: 100, y0: 90, x1: 107, y1: 110 };
  const request = (keys = [{ x: 103.5, y: 85, block: key }]): LabelRequest => ({
    id: 'node',
    candidates: [{ x: 110, y: 102, block }],
    required: true,
    anchor,
    keys,
  });

  it('placeLabels puts the key stand-in next to the anchor when the label fits nowhere near it, and moves it far with a leader without one', () => {
    // Bands on both sides of the node, well above and below it: the label finds room only far away.
    const bands: Obstacle[] = [{ x0: 108, y0: 40, x1: 300, y1: 160, group: 1 }, { x0: 0, y0: 40, x1: 99, y1: 160, group: 2 }];
    const keyed = placeLabels([request()], bands, bounds);
    expect(keyed.placed[0]).toMatchObject({ id: 'node', keyed: true, leader: undefined, x: 103.5, y: 85 });
    expect(keyed.obstructed + keyed.overlapping).toBe(0);
    const moved = placeLabels([{ ...request(), keys: undefined }], bands, bounds);
    expect(moved.placed[0]).toMatchObject({ keyed: false });
    expect(moved.placed[0].leader).toBeDefined();
  });

  it('placeLabels moves a label that has a key, rather than taking the key, only where its leader line crosses nothing', () => {
    const onLine = (leader: NonNullable<PlacedLabel['leader']>, box: Obstacle) => {
      for (let s = 1; s <= 20; s++) {
        const x = leader.x1 + ((leader.x2 - leader.x1) * s) / 20;
        const y = leader.y1 + ((leader.y2 - leader.y1) * s) / 20;
        if (x > box.x0 && x < box.x1 && y > box.y0 && y < box.y1) return true;
      }
      return false;
    };
    fc.assert(
      fc.property(fc.array(obstacle, { minLength: 1, maxLength: 12 }), (boxes) => {
        const obstacles: Obstacle[] = boxes.map((b, i) => ({ x0: b.x0, y0: b.y0, x1: b.x0 + b.w, y1: b.y0 + b.h, group: i }));
        const [label] = placeLabels([request()], obstacles, bounds).placed;
        if (label.keyed || !label.leader) return;
        for (const box of obstacles) expect(onLine(label.leader, box)).toBe(false);
      }),
    );
  });

  it('placeLabels counts a required label that can only cover an obstacle as obstructed', () => {
    const everywhere: Obstacle = { x0: 0, y0: 0, x1: 300, y1: 200, group: 1 };
    const placement = placeLabels([request()], [everywhere], bounds);
    expect(placement.placed).toHaveLength(1);
    expect(placement.obstructed).toBe(1);
    expect(placement.overlapping).toBe(0);
  });

  it('placeLabels never lets keyed labels overlap each other or obstacles when it counts neither', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ x: fc.double({ min: 20, max: 280, noNaN: true }), y: fc.double({ min: 20, max: 180, noNaN: true }) }), { maxLength: 30 }), fc.array(obstacle, { maxLength: 20 }), (points, boxes) => {
        const obstacles: Obstacle[] = boxes.map((b, i) => ({ x0: b.x0, y0: b.y0, x1: b.x0 + b.w, y1: b.y0 + b.h, group: i }));
        const requests = points.map(({ x, y }, i): LabelRequest => ({
          id: String(i),
          candidates: [{ x: x + 3, y, block }, { x, y: y - 4, block: { ...block, anchor: 'middle' } }],
          required: true,
          anchor: { x0: x, y0: y, x1: x, y1: y },
          keys: [{ x: x + 3, y, block: key }, { x, y: y - 4, block: key }],
        }));
        const placement = placeLabels(requests, obstacles, bounds);
        expect(placement.placed).toHaveLength(points.length);
        if (placement.overlapping > 0) return;
        placement.placed.forEach((a, i) => {
          for (const b of placement.placed.slice(i + 1)) expect(boxesOverlap(a.box, b.box)).toBe(false);
        });
        if (placement.obstructed > 0) return;
        for (const label of placement.placed) for (const box of obstacles) expect(boxesOverlap(label.box, box)).toBe(false);
      }),
    );
  });
});

describe('wrapText', () => {
  it('wrapText keeps every line within the width unless a single word is wider', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,12}$/), { minLength: 1, maxLength: 12 }), fc.double({ min: 20, max: 200, noNaN: true }), (words, width) => {
        const lines = wrapText(words.join(' '), width, 7);
        expect(lines.join(' ')).toBe(words.join(' '));
        for (const line of lines) if (line.includes(' ')) expect(textWidth(line, 7)).toBeLessThanOrEqual(width);
      }),
    );
  });

  it('wrapText breaks after a slash in a name but never inside a parenthesised unit', () => {
    const width = textWidth('Waste to Semakau per person and day (kg/', 7);
    expect(wrapText('Waste to Semakau per person and day (kg/person/d)', width, 7)).toEqual(['Waste to Semakau per person and day', '(kg/person/d)']);
    expect(wrapText('collection/sorting/recycling', textWidth('collection/sorting/', 7), 7)).toEqual(['collection/sorting/', 'recycling']);
  });
});
