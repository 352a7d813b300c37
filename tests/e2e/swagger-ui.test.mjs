// Swagger UI in a real browser: expand GET /programmes/{id}/totals, "Try it out", "Execute",
// and read the rendered response. Starts the server itself on a free port with a fresh database.
//
// Run alone: cargo build && (cd tests/e2e && npm ci && npm test)
// Needs Debian's Chromium at /usr/bin/chromium (or CHROMIUM=path); KHUYENCONG_BIN overrides the
// server binary (default: target/debug/khuyencong).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const binary = process.env.KHUYENCONG_BIN ?? join(here, '..', '..', 'target', 'debug', 'khuyencong');
const screenshots = join(here, 'screenshots');

let server;
let browser;
let base;

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

before(async () => {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'khuyencong-e2e-'));
  server = spawn(binary, ['serve'], {
    env: { ...process.env, DATABASE_URL: `sqlite://${join(dir, 'e2e.db')}`, BIND_ADDR: `127.0.0.1:${port}`, RUST_LOG: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  base = `http://127.0.0.1:${port}`;
  await waitUntilServing(`${base}/openapi.json`, 30_000);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
});

after(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
});

/** Opens Swagger UI, runs GET /programmes/{id}/totals for `id`, returns the rendered status and body. */
async function executeTotals(page, id) {
  await page.goto(`${base}/swagger-ui/`);
  const operation = page.locator('#operations-aggregates-get_totals');
  await operation.locator('.opblock-summary').click();
  await operation.getByRole('button', { name: 'Try it out' }).click();
  await operation.locator('input[placeholder="id"]').fill(id);
  await operation.getByRole('button', { name: 'Execute' }).click();
  const live = operation.locator('.live-responses-table .response').first();
  await live.waitFor({ timeout: 15_000 });
  const status = (await live.locator('.response-col_status').innerText()).trim();
  const body = await live.locator('.response-col_description .highlight-code').innerText();
  return { status, body };
}

async function withScreenshotOnFailure(name, fn) {
  const page = await browser.newPage();
  try {
    await fn(page);
  } catch (error) {
    mkdirSync(screenshots, { recursive: true });
    const file = join(screenshots, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    console.error(`screenshot of the failure: ${file}`);
    throw error;
  } finally {
    await page.close();
  }
}

test('Swagger UI executes GET /programmes/2016-2020/totals and shows 200 with the total cost', async () => {
  await withScreenshotOnFailure('totals-200', async (page) => {
    const { status, body } = await executeTotals(page, '2016-2020');
    assert.equal(status, '200');
    assert.match(body, /"reported": "41306\.53"/);
  });
});

test('Swagger UI executes GET /programmes/{id}/totals for an unknown id and shows 404', async () => {
  await withScreenshotOnFailure('totals-404', async (page) => {
    const { status, body } = await executeTotals(page, 'no-such-programme');
    assert.equal(status, '404');
    assert.match(body, /urn:khuyencong:problem:not-found/);
  });
});
