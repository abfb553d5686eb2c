import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxesOverlap, insideBox } from '../../../viz/labels/box.js';
import { placeLabels, type LabelRequest, type Obstacle } from '../../../viz/labels/place.js';
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
});
