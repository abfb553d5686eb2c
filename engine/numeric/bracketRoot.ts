/**
 * A root of f in [a, b], where f(a) and f(b) have opposite signs, by Brent's method (inverse
 * quadratic interpolation and secant steps, falling back to bisection; Brent 1973, "Algorithms
 * for Minimization without Derivatives", ch. 4): as sure as bisection, and superlinear on a
 * smooth f. Each evaluation of f here is a whole model run, so few evaluations matter.
 * Returns the point where |f| is smallest among those tried once the bracket is narrower than
 * `tolerance` (absolute, in x), with the number of evaluations.
 */
export function bracketRoot(f: (x: number) => number, a: number, b: number, fa: number, fb: number, tolerance: number, maxEvaluations = 100): { x: number; fx: number; evaluations: number } {
  let evaluations = 0;
  if (fa === 0) return { x: a, fx: 0, evaluations };
  if (fb === 0) return { x: b, fx: 0, evaluations };
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  while (evaluations < maxEvaluations) {
    if (Math.sign(fb) === Math.sign(fc)) {
      c = a;
      fc = fa;
      d = e = b - a;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      [a, b, c] = [b, c, b];
      [fa, fb, fc] = [fb, fc, fb];
    }
    const half = 0.5 * (c - b);
    const limit = 2 * Number.EPSILON * Math.abs(b) + 0.5 * tolerance;
    if (Math.abs(half) <= limit || fb === 0) return { x: b, fx: fb, evaluations };
    if (Math.abs(e) >= limit && Math.abs(fa) > Math.abs(fb)) {
      // Interpolate: secant when two points are known, inverse quadratic with three.
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * half * s;
        q = 1 - s;
      } else {
        const r = fb / fc;
        const t = fa / fc;
        p = s * (2 * half * t * (t - r) - (b - a) * (r - 1));
        q = (t - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * half * q - Math.abs(limit * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = half;
        e = d;
      }
    } else {
      d = half;
      e = d;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > limit ? d : half > 0 ? limit : -limit;
    fb = f(b);
    evaluations++;
  }
  return { x: b, fx: fb, evaluations };
}
