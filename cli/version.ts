import { existsSync, readFileSync } from 'node:fs';

/**
 * The package version from package.json, found by walking up from this file: it sits one level
 * up from cli/ when run from source and two levels up from dist/cli/ when compiled.
 */
function readVersion(): string {
  for (const relative of ['../package.json', '../../package.json']) {
    const url = new URL(relative, import.meta.url);
    if (!existsSync(url)) continue;
    const manifest = JSON.parse(readFileSync(url, 'utf8')) as { name?: string; version?: string };
    if (manifest.name === 'metabolis' && manifest.version) return manifest.version;
  }
  return 'unknown';
}

export const version = readVersion();
