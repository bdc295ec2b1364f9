import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium (installed by .ci/run), never a downloaded browser build. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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
