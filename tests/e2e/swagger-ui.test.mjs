// Swagger UI in a real browser: expand GET /programmes/{id}/totals, "Try it out", "Execute",
// and read the rendered response. Starts the server itself on a free port with a fresh database.
//
// Run alone: cargo build && (cd tests/e2e && npm ci && npm test)
// Needs Debian's Chromium at /usr/bin/chromium (or CHROMIUM=path); KHUYENCONG_BIN overrides the
// server binary (default: target/debug/khuyencong).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { start, screenshots } from './harness.mjs';

let browser;
let base;
let stop;

before(async () => {
  mkdirSync(screenshots, { recursive: true });
  ({ base, browser, stop } = await start('e2e'));
});

after(async () => {
  await stop?.();
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
