/** Debian's Chromium (apt-get install chromium), never a browser that a test tool downloads. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless and quiet: no GPU, no QUIC, no first-run, and nothing that phones home (on a closed network those
 * connections are refused, many at a time). Playwright adds --headless and a fresh --user-data-dir per launch.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
