import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { CHROMIUM, CHROMIUM_FLAGS } from './chromium';

/** Screenshots of every checkpoint (not committed: .gitignore). */
export const ARTIFACTS = join(__dirname, '..', '..', '..', 'test-artifacts', 'browser');

export function launchChromium(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
}

/** The screens the console is built for: an office desktop, and a phone for the public lookup. */
export const DESKTOP = { width: 1280, height: 720 };
export const PHONE = { width: 375, height: 667 };

/**
 * A person's browser. By default they asked for reduced motion (prefers-reduced-motion: reduce), which the console
 * honours (WCAG 2.3.3): dialogs and selects open without animating, so the tests wait for no animation. `motion: 'full'`
 * keeps the animations, for the suites that cover that path (a dialog takes the focus when its opening animation ends).
 */
export function newContext(
  browser: Browser,
  baseURL: string,
  viewport = DESKTOP,
  { motion = 'reduce' }: { motion?: 'reduce' | 'full' } = {},
): Promise<BrowserContext> {
  const reducedMotion = motion === 'full' ? 'no-preference' : 'reduce';
  return browser.newContext({ baseURL, viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', deviceScaleFactor: 1, reducedMotion });
}

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/**
 * A checkpoint: a screenshot of what the person sees, and axe-core over the page. Returns the serious and critical
 * violations (the tests expect none).
 */
export async function checkpoint(page: Page, name: string): Promise<AxeFinding[]> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: String(v.impact), help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}

/** What a page load cost, measured by the browser: the time until the page showed what the person waits for. */
export interface LoadMeasure {
  page: string;
  ms: number;
  scripts: number;
  jsBytes: number;
  jsGzipBytes: number;
}

const measures: LoadMeasure[] = [];

/**
 * Opens `path` and waits for `ready` (what the person waits for); records the time and the JavaScript the page
 * fetched (its gzip size: what travels, the api serving pre-compressed files to browsers that accept them).
 */
export async function measureLoad(page: Page, label: string, path: string, ready: () => Promise<unknown>): Promise<LoadMeasure> {
  const scripts: Response[] = [];
  const onResponse = (r: Response) => {
    if (r.request().resourceType() === 'script') scripts.push(r);
  };
  page.on('response', onResponse);
  const started = Date.now();
  await page.goto(path);
  await ready();
  const ms = Date.now() - started;
  page.off('response', onResponse);
  let jsBytes = 0;
  let jsGzipBytes = 0;
  let counted = 0;
  for (const r of scripts) {
    // A chunk the previous document was still fetching (e.g. a lazily loaded chart) answers after the navigation
    // began: it is not this load's, and its body is gone with that document.
    const body = await r.body().catch((e: Error) => {
      if (/navigated away/.test(e.message)) return null;
      throw e;
    });
    if (!body) continue;
    counted++;
    jsBytes += body.length;
    jsGzipBytes += gzipSync(body, { level: 9 }).length;
  }
  const m = { page: label, ms, scripts: counted, jsBytes, jsGzipBytes };
  measures.push(m);
  return m;
}

/** Records a step that is not a fresh load (a client-side navigation), timed by the caller. */
export function recordStep(label: string, ms: number): void {
  measures.push({ page: label, ms, scripts: 0, jsBytes: 0, jsGzipBytes: 0 });
}

/** Prints this file's measures (Jest shows stdout of the test process). */
export function printMeasures(title: string): void {
  if (!measures.length) return;
  const kb = (n: number) => (n / 1024).toFixed(1);
  const lines = measures.map((m) =>
    m.scripts
      ? `  ${m.page}: ${m.ms} ms, ${m.scripts} scripts, JS ${kb(m.jsBytes)} KiB (gzip ${kb(m.jsGzipBytes)} KiB)`
      : `  ${m.page}: ${m.ms} ms`,
  );
  process.stdout.write(`\n${title}\n${lines.join('\n')}\n`);
  measures.length = 0;
}
