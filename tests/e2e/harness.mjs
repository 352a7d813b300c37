// What the browser tests share: the server on a free port with a fresh database, and Debian's
// Chromium driven by playwright-core. KHUYENCONG_BIN overrides the server binary (default:
// target/debug/khuyencong), CHROMIUM the browser (default: /usr/bin/chromium).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const binary = process.env.KHUYENCONG_BIN ?? join(here, '..', '..', 'target', 'debug', 'khuyencong');
export const screenshots = join(here, 'screenshots');

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilServing(url, deadlineMs) {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server did not answer ${url} within ${deadlineMs} ms`);
}

/** Starts the server and the browser: `{ base, browser, stop, token }` (`token(name)` makes a write token). */
export async function start(name) {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), `khuyencong-${name}-`));
  const database = `sqlite://${join(dir, `${name}.db`)}`;
  const server = spawn(binary, ['serve'], {
    env: { ...process.env, DATABASE_URL: database, BIND_ADDR: `127.0.0.1:${port}`, RUST_LOG: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitUntilServing(`${base}/openapi.json`, 30_000);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const stop = async () => {
    await browser.close();
    server.kill('SIGTERM');
  };
  const token = (who) =>
    execFileSync(binary, ['token', 'create', '--name', who, '--scope', 'write'], {
      env: { ...process.env, DATABASE_URL: database, RUST_LOG: 'warn' },
      stdio: ['ignore', 'pipe', 'ignore'],
    }).toString().trim();
  return { base, browser, stop, token };
}
