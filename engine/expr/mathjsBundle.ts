import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

/**
 * Loading mathjs's single-file bundle with V8's code cache: compiling its 650 kB costs 55–70 ms at
 * every start, reading compiled code back 13–16 ms. This is module loading done by hand, the
 * file system only as `require` itself uses it; `npm run build` writes the cache (cli/writeCodeCache.ts).
 */

const require = createRequire(import.meta.url);

/** The bundle, an entry point the mathjs package exports. */
export const MATHJS_BUNDLE = require.resolve('mathjs/lib/browser/math.js');

/** Next to the compiled module, dist/engine/expr/; from source (tests) there is none and the bundle is compiled as `require` would. */
export const MATHJS_CODE_CACHE = fileURLToPath(new URL('mathjs.v8cache', import.meta.url));

/** Bytes of the hexadecimal SHA-256 of the bundle that begin a cache file. */
const KEY_LENGTH = 64;

/**
 * The bundle's exports, compiled from `cacheFile` when it was made from this very bundle text. V8
 * checks a cache's V8 version and flags but of the source only its length, so the cache starts
 * with a hash of the text: a mathjs of another version never runs code compiled from this one.
 * A missing, foreign or rejected cache costs the compile, never a wrong answer.
 */
export function loadMathjsBundle(bundleFile = MATHJS_BUNDLE, cacheFile = MATHJS_CODE_CACHE): unknown {
  const source = readFileSync(bundleFile, 'utf8');
  const cached = readCache(cacheFile);
  const usable = cached !== undefined && cached.subarray(0, KEY_LENGTH).toString('latin1') === sourceKey(source);
  return run(bundleScript(source, bundleFile, usable ? cached.subarray(KEY_LENGTH) : undefined), bundleFile);
}

/**
 * A code cache for the bundle, made after running it and `exercise` on its exports: V8 compiles a
 * function when it is first called, and only compiled functions are in the cache.
 */
export function mathjsCodeCache(exercise: (math: unknown) => void, bundleFile = MATHJS_BUNDLE): Buffer {
  const source = readFileSync(bundleFile, 'utf8');
  const script = bundleScript(source, bundleFile, undefined);
  exercise(run(script, bundleFile));
  return Buffer.concat([Buffer.from(sourceKey(source), 'latin1'), script.createCachedData()]);
}

function readCache(cacheFile: string): Buffer | undefined {
  try {
    return readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

const sourceKey = (source: string) => createHash('sha256').update(source).digest('hex');

/** The bundle inside the function Node wraps every CommonJS module in. */
function bundleScript(source: string, filename: string, cachedData: Buffer | undefined): Script {
  return new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename, cachedData });
}

function run(script: Script, filename: string): unknown {
  const module = { exports: {} };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, require, module, filename, dirname(filename));
  return module.exports;
}
