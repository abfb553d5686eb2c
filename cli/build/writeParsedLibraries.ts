/**
 * Run by `npm run build`: parses every factor library shipped in models/factors, exactly as a load
 * does, and keeps them as JSON beside the built loader (engine/definition/parsedLibraries.ts).
 * A library with a mistake fails the build with its message. The build removes the last build's
 * file before anything else (package.json), so that a build that stops early leaves none that an
 * engine of another version would read.
 */
import { readdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { parseFactorLibrary } from '../../engine/definition/factorLibrary.js';
import { PARSED_LIBRARIES, readLibrary } from '../../engine/definition/loadModelFile.js';
import { libraryJson, type ParsedLibrariesJson } from '../../engine/definition/parsedLibraries.js';

const folder = dirname(readLibrary('gwp').file);
const kept: Record<string, ParsedLibrariesJson[string]> = {};
for (const fileName of readdirSync(folder).filter((name) => name.endsWith('.yaml')).sort()) {
  const name = basename(fileName, '.yaml');
  const { text, file } = readLibrary(name);
  const entry = libraryJson(parseFactorLibrary(text, file), text);
  if (entry !== undefined) kept[name] = entry;
}
// Written whole or not at all: a CLI started during a build reads the old file or the new one.
const partial = `${PARSED_LIBRARIES}.${process.pid}`;
writeFileSync(partial, JSON.stringify(kept));
renameSync(partial, PARSED_LIBRARIES);
