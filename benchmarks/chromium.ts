import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/**
 * Headless Chromium for the report's browser tests and benchmark: Debian's `chromium` (or the
 * browser METABOLIS_CHROMIUM names), driven by playwright-core, which downloads no browser of
 * its own. Each launch gets a fresh profile, removed on close.
 */
export const CHROMIUM_CANDIDATES = [process.env.METABOLIS_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((path): path is string => path !== undefined && path !== '');

export function findChromium(): string | undefined {
  return CHROMIUM_CANDIDATES.find((path) => existsSync(path));
}

/**
 * Flags that keep a headless browser from reaching out on its own (updates, sync, QUIC probes)
 * and that work without a GPU, a sandbox (CI runs as root) or a large /dev/shm (containers).
 */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export interface Chromium {
  readonly context: BrowserContext;
  /** Closes the browser, then removes its profile. */
  readonly close: () => Promise<void>;
}

export async function launchChromium(viewport = { width: 1200, height: 900 }): Promise<Chromium> {
  const executablePath = findChromium();
  if (executablePath === undefined) throw new Error(`no Chromium found (looked for ${CHROMIUM_CANDIDATES.join(', ')}): install Debian's chromium (apt-get install chromium) or set METABOLIS_CHROMIUM`);
  const profile = mkdtempSync(join(tmpdir(), 'metabolis-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: FLAGS, viewport, acceptDownloads: true });
  return {
    context,
    close: async () => {
      await context.close();
      // The browser may still be writing its profile as it exits.
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}
