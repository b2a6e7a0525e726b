// Browser tests (issue 13): the template database like the e2e tier, plus the web console built once per run.
import 'tsconfig-paths/register';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import databaseSetup from '../../support/global-setup';
import { CHROMIUM } from './chromium';

const ROOT = join(__dirname, '..', '..', '..');

export default async function globalSetup(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    // Never a browser download: Debian's package (what .ci/run installs when it is missing).
    throw new Error(`${CHROMIUM} not found: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH)`);
  }
  await databaseSetup();
  if (process.env.FUYI_WEB_BUILD) return;
  const out = mkdtempSync(join(tmpdir(), 'fuyi-web-build-'));
  const started = Date.now();
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const res = spawnSync(process.execPath, [vite, 'build', '--config', 'apps/web/vite.config.mts', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: ROOT,
    encoding: 'utf8',
    // Jest sets NODE_ENV=test, which Vite would honour (React's development build): build what ships.
    env: { ...process.env, NODE_ENV: 'production', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  if (res.status !== 0) throw new Error(`vite build failed:\n${res.stdout}\n${res.stderr}`);
  if (!existsSync(join(out, 'index.html'))) throw new Error(`vite build wrote no index.html to ${out}`);
  process.env.FUYI_WEB_BUILD = out;
  process.stdout.write(`\nbrowser: web console built in ${((Date.now() - started) / 1000).toFixed(1)} s → ${out}\n`);
}
