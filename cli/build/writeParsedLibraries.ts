/**
 * Run by `npm run build`: parses every factor library shipped in models/factors, exactly as a load
 * does, and keeps them as JSON beside the built loader (engine/definition/parsedLibraries.ts).
 * A library with a mistake fails the build with its message.
 */
import { readdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { parseFactorLibrary } from '../../engine/definition/factorLibrary.js';
import { PARSED_LIBRARIES, readLibrary } from '../../engine/definition/loadModelFile.js';
import { libraryJson, type ParsedLibrariesJson } from '../../engine/definition/parsedLibraries.js';

const folder = dirname(readLibrary('gwp').file);
const kept: Record<string, ParsedLibrariesJson[string]> = {};
for (const entry of readdirSync(folder).filter((name) => name.endsWith('.yaml')).sort()) {
  const name = basename(entry, '.yaml');
  const { text, file } = readLibrary(name);
  kept[name] = libraryJson(parseFactorLibrary(text, file), text);
}
// Written whole or not at all: a CLI started during a build reads the old file or the new one.
const partial = `${PARSED_LIBRARIES}.${process.pid}`;
writeFileSync(partial, JSON.stringify(kept));
renameSync(partial, PARSED_LIBRARIES);
