import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFactorLibrary } from '../../../engine/definition/factorLibrary.js';
import { keptLibrary, libraryJson, type ParsedLibrariesJson } from '../../../engine/definition/parsedLibraries.js';

const folder = join(import.meta.dirname, '../../../models/factors');
const shipped = readdirSync(folder)
  .filter((name) => name.endsWith('.yaml'))
  .map((entry) => ({ name: basename(entry, '.yaml'), file: join(folder, entry), text: readFileSync(join(folder, entry), 'utf8') }));
const built = join(import.meta.dirname, '../../../dist/engine/definition/parsed-libraries.json');

describe('parsed factor libraries kept by the build', () => {
  it('keptLibrary(libraryJson(library)) gives every shipped library back as parsed, NaN where the source gives no value', () => {
    expect(shipped.length).toBeGreaterThanOrEqual(3);
    for (const { name, file, text } of shipped) {
      const library = parseFactorLibrary(text, file);
      const kept: ParsedLibrariesJson = JSON.parse(JSON.stringify({ [name]: libraryJson(library, text)! }));
      expect(keptLibrary(kept, name, text, file)).toEqual(library);
    }
    const ipcc = shipped.find((library) => library.name === 'ipcc-2006-waste')!;
    const values = [...parseFactorLibrary(ipcc.text, ipcc.file).tables.values()].flatMap((table) => [...table.values]);
    expect(values.some(Number.isNaN)).toBe(true);
  });

  it('keptLibrary(kept, name, text) is undefined for a text edited since, a name not kept, and a name of Object.prototype', () => {
    const { name, file, text } = shipped[0];
    const kept: ParsedLibrariesJson = { [name]: libraryJson(parseFactorLibrary(text, file), text)! };
    expect(keptLibrary(kept, name, text.replace(/\d/, (digit) => String((Number(digit) + 1) % 10)), file)).toBeUndefined();
    expect(keptLibrary(kept, 'other', text, file)).toBeUndefined();
    expect(keptLibrary(kept, 'constructor', text, file)).toBeUndefined();
    expect(keptLibrary(undefined, name, text, file)).toBeUndefined();
  });

  it('libraryJson(library with a −0) keeps nothing, since JSON would give it back as 0', () => {
    const { file, text } = shipped.find((library) => library.name === 'gwp')!;
    const library = parseFactorLibrary(text, file);
    expect(libraryJson(library, text)).toBeDefined();
    const [first] = library.tables.values();
    const signed = { ...library, tables: new Map([[first.name, { ...first, values: Float64Array.from(first.values, (value, i) => (i === 0 ? -0 : value)) }]]) };
    expect(libraryJson(signed, text)).toBeUndefined();
  });

  it('npm run build keeps every shipped library, made from its current text', () => {
    // `npm test` builds first; a build older than a library's text would parse it again (correct, slower).
    expect(existsSync(built)).toBe(true);
    const kept = JSON.parse(readFileSync(built, 'utf8')) as ParsedLibrariesJson;
    const keepable = shipped.filter(({ file, text }) => libraryJson(parseFactorLibrary(text, file), text) !== undefined);
    expect(keepable.length).toBe(shipped.length);
    expect(Object.keys(kept).sort()).toEqual(keepable.map((library) => library.name).sort());
    for (const { name, file, text } of shipped) expect(keptLibrary(kept, name, text, file)).toEqual(parseFactorLibrary(text, file));
  });
});
