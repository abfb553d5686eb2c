declare module 'mathjs/lib/browser/math.js' {
  /** The default mathjs instance; `create()` without factories makes another with all of them. */
  const math: import('mathjs').MathJsInstance & { create(): import('mathjs').MathJsInstance };
  export default math;
}
