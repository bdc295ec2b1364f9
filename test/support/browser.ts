import { accessSync, constants } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium (installed by .ci/run), never a downloaded browser build. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Browser tests run where a Chromium is installed; elsewhere (a fresh developer machine) they are
 * skipped with one line saying how to enable them, so `npm test` stays green without a browser. CI
 * sets REQUIRE_BROWSER=1 so a missing browser there fails instead of silently skipping.
 */
export const hasChromium = ((): boolean => {
  try {
    accessSync(chromiumPath, constants.X_OK);
    return true;
  } catch {
    if (process.env.REQUIRE_BROWSER === '1') throw new Error(`REQUIRE_BROWSER=1 but no Chromium at ${chromiumPath}`);
    console.warn(`browser tests skipped: no Chromium at ${chromiumPath} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
    return false;
  }
})();

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export const viewports = {
  laptop: { width: 1366, height: 860 },
  phone: { width: 390, height: 844 },
} as const;
