// The drafts page in a real browser, as a person uses it: paste a report, see every figure
// marked in the text, correct the draft's fields, save it, and see the server's answer, in
// Vietnamese and in English; at a phone's width; and axe-core's checks (no serious or critical
// violation), with the page's policy refusing nothing of its own.
//
// Run alone: cargo build && (cd tests/e2e && npm ci && node --test drafts.test.mjs)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { start, screenshots } from './harness.mjs';

const axeSource = createRequire(import.meta.url)('axe-core').source;
const here = dirname(fileURLToPath(import.meta.url));
const report = readFileSync(join(here, '..', 'drafts', 'reports', 'quang-binh-2019.txt'), 'utf8');

let browser;
let base;
let stop;
let writeToken;

before(async () => {
  mkdirSync(screenshots, { recursive: true });
  let token;
  ({ base, browser, stop, token } = await start('drafts'));
  writeToken = token('bien-tap-e2e');
});

after(async () => {
  await stop?.();
});

async function openPage(options) {
  const page = await browser.newPage(options);
  page.refused = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) page.refused.push(message.text());
  });
  page.on('pageerror', (error) => page.refused.push(`script error: ${error.message}`));
  return page;
}

async function checkAccessibility(page, where) {
  assert.deepEqual(page.refused, [], `${where}: the policy refused part of the page, or its script failed`);
  await page.evaluate(axeSource);
  const results = await page.evaluate(() => window.axe.run());
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const described = bad.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(described, [], `${where}: axe-core found serious or critical violations`);
}

const WORDS = {
  vi: { read: 'Lập bản nháp', save: 'Lưu', saved: 'đã lưu', failed: 'chưa lưu' },
  en: { read: 'Draft', save: 'Save', saved: 'saved', failed: 'not saved' },
};

for (const lang of ['vi', 'en']) {
  test(`the ${lang} drafts page drafts a pasted report, marks its figures and saves the corrected draft`, async () => {
    const page = await openPage({ viewport: { width: 390, height: 844 } });
    const response = await page.goto(`${base}/${lang}/drafts`);
    assert.equal(response.status(), 200);
    assert.equal(await page.locator('html').getAttribute('lang'), lang);
    await page.locator('#report').fill(report);
    await page.locator('#token').fill(writeToken);
    await page.getByRole('button', { name: WORDS[lang].read, exact: true }).click();
    await page.locator('#result').waitFor({ state: 'visible' });

    // Three styles: the total placed, the investment not placed, "khoảng 4,5 tỷ" and "hơn 20%"…
    const marked = (style) => page.locator(`#text mark.${style}`).evaluateAll((ms) => ms.map((m) => m.firstChild.textContent));
    const placed = await marked('placed');
    const unplaced = await marked('unplaced');
    assert.ok(placed.some((q) => q.includes('2,52 tỉ đồng')), `placed: ${placed}`);
    assert.ok(placed.some((q) => q.includes('1 tỷ 371 triệu đồng')), `placed: ${placed}`);
    assert.ok(unplaced.some((q) => q.includes('4,5 tỷ đồng')), `not placed: ${unplaced}`);
    // The marked text reads as the report: nothing lost or added around the marks.
    const shown = await page.locator('#text').evaluate((box) =>
      Array.from(box.childNodes).map((n) => (n.nodeType === 3 ? n.textContent : n.firstChild.textContent)).join(''));
    assert.equal(shown, report.normalize('NFC'));
    const cost = page.locator('input[data-pointer="/reported/cost/amount"]');
    assert.equal(await cost.inputValue(), '2520.00');
    assert.ok((await page.locator('#warnings li').count()) > 0, 'the draft says what to check');

    // Save as it is: the server names what is missing, at its field.
    await page.getByRole('button', { name: WORDS[lang].save, exact: true }).click();
    await page.locator('#answer p').waitFor();
    assert.ok((await page.locator('#answer').innerText()).length > 0);
    await page.locator('input[data-pointer="/id"]').fill(`quang-binh-2019-${lang}`);
    await page.getByRole('button', { name: WORDS[lang].save, exact: true }).click();
    await page.locator('#answer', { hasText: '422' }).waitFor();
    assert.ok((await page.locator('tr.problem').count()) > 0, 'a problem is shown at its field');
    assert.ok((await page.locator('#answer').innerText()).includes(WORDS[lang].failed));

    // Fill what the text did not say, and save: created.
    const fill = (pointer, value) => page.locator(`input[data-pointer="${pointer}"]`).fill(value);
    await fill('/names/vi', 'Chương trình khuyến công tỉnh Quảng Bình năm 2019');
    await fill('/names/en', 'Quang Binh industrial promotion, 2019');
    await fill('/implementing_agency/en', 'Quang Binh Industrial Promotion and Trade Promotion Centre');
    await fill('/source/publisher', 'Báo mẫu (made up for the tests)');
    await fill('/source/date', '2019-12-20');
    for (const input of await page.locator('input[data-pointer$="/title/en"]').all()) await input.fill('A group of schemes');
    await page.getByRole('button', { name: WORDS[lang].save, exact: true }).click();
    // Wait for this answer, not the last one ("not saved" holds "saved" too).
    await page.locator('#answer p', { hasText: /^201 / }).waitFor();
    assert.ok((await page.locator('#answer').innerText()).includes(WORDS[lang].saved), await page.locator('#answer').innerText());
    const saved = await (await fetch(`${base}/programmes/quang-binh-2019-${lang}/export`)).json();
    assert.equal(saved.reported.cost.amount, '2520.00');
    assert.equal(saved.schemes[0].cost, '1371.00');

    const { scrollWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth }));
    assert.ok(scrollWidth <= 390, `/${lang}/drafts is ${scrollWidth} px wide at 390`);
    await page.screenshot({ path: join(screenshots, `drafts-${lang}-390.png`), fullPage: true });
    await checkAccessibility(page, `/${lang}/drafts`);
    await page.close();
  });
}
