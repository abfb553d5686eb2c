import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file under `folder` (but the manifest) with its bytes, by relative path: two sweeps compare equal byte for byte. */
export function folderBytes(folder: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const visit = (path: string) => {
    for (const name of readdirSync(path).sort()) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) {
        if (!name.startsWith('shard-')) visit(full);
      } else if (name !== 'manifest.json') {
        files.set(relative(folder, full), readFileSync(full));
      }
    }
  };
  visit(folder);
  return files;
}

export function expectSameFiles(actual: Map<string, Buffer>, expected: Map<string, Buffer>): string[] {
  const problems: string[] = [];
  for (const [name, bytes] of expected) {
    const other = actual.get(name);
    if (other === undefined) problems.push(`missing ${name}`);
    else if (!other.equals(bytes)) problems.push(`differs ${name}`);
  }
  for (const name of actual.keys()) if (!expected.has(name)) problems.push(`extra ${name}`);
  return problems;
}
