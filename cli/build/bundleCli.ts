/**
 * Run by `npm run build` after tsc: the CLI as a few ES modules (dist/cli/main.js and, next to
 * it, the chunks its commands load when they run) instead of the ~300 files of our code, zod, yaml
 * and commander it imports, which Node finds, reads and links one by one (`validate` loads 17).
 * Everything else in dist/ stays as tsc wrote it: worker threads, benchmarks and the library
 * entry load those files.
 */
import { build, type Plugin } from 'esbuild';
import { readdir, readFile, rm } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const outdir = `${root}dist/cli`;

/**
 * A module that finds files next to itself (a worker, fonts, the factor libraries, package.json)
 * asks `import.meta.url`; in the bundle it gets the URL of the file tsc wrote for it, where those
 * files are, instead of the bundle's.
 */
const ownUrls: Plugin = {
  name: 'own import.meta.url',
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      if (!path.startsWith(root) || path.includes('/node_modules/')) return undefined;
      const source = await readFile(path, 'utf8');
      const compiled = relative(outdir, `${root}dist/${relative(root, path)}`).replace(/\.ts$/, '.js');
      return { contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(compiled)}, import.meta.url).href`), loader: 'ts' };
    });
  },
};

/** Chunks of an earlier build: tsc names no file of ours with a dash. */
const CHUNK = /^\w+-[A-Z0-9]{8}\.js$/;

for (const file of await readdir(outdir)) if (CHUNK.test(file)) await rm(`${outdir}/${file}`);
await build({
  entryPoints: [`${root}cli/main.ts`],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: '[name]-[hash]',
  // mathjs is loaded from its own bundle (engine/expr/mathjsBundle.ts); the others are native or load files of their own.
  external: ['mathjs', '@resvg/resvg-js', 'pdfkit', 'svg-to-pdfkit', 'piscina'],
  // commander and yaml are CommonJS and require Node's modules, which an ES module has no require for.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  plugins: [ownUrls],
  logLevel: 'warning',
});
