import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erfc } from '../../../engine/lifetime/erfc.js';

/** scipy.special.erfc (scipy 1.17.1), across Cody's three intervals and into the underflow. */
const REFERENCE: [number, number][] = [
  [-30, 2.0],
  [-5, 1.9999999999984626],
  [-1, 1.8427007929497148],
  [-0.5, 1.5204998778130465],
  [-0.46875, 1.4926134732179381],
  [-0.1, 1.1124629160182848],
  [0, 1.0],
  [1e-10, 0.999999999887162],
  [0.2, 0.7772974107895215],
  [0.46875, 0.507386526782062],
  [0.5, 0.4795001221869535],
  [1, 0.15729920705028516],
  [2.5, 0.00040695201744495886],
  [4, 1.541725790028002e-8],
  [4.5, 1.9661604415428878e-10],
  [10, 2.0884875837625446e-45],
  [26, 5.663192408856145e-296],
  [27, 0.0],
];

describe('erfc', () => {
  it('erfc(x) matches scipy to 2e-15 relative, from −30 to the underflow at 27', () => {
    for (const [x, expected] of REFERENCE) {
      const relative = expected === 0 ? erfc(x) : Math.abs(erfc(x) / expected - 1);
      expect(relative, `erfc(${x})`).toBeLessThanOrEqual(2e-15);
    }
  });

  it('erfc(x) + erfc(−x) = 2', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x) => {
        expect(erfc(x) + erfc(-x)).toBeCloseTo(2, 14);
      }),
    );
  });

  it('erfc(x) never increases', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (x, step) => {
        expect(erfc(x + step)).toBeLessThanOrEqual(erfc(x));
      }),
    );
  });

  it('erfc(NaN) is NaN and erfc(±∞) is 0 and 2', () => {
    expect(erfc(NaN)).toBeNaN();
    expect(erfc(Infinity)).toBe(0);
    expect(erfc(-Infinity)).toBe(2);
  });
});
