// The pages for people in a real browser: the home page and a programme page, in Vietnamese and
// in English. Checks the headline figures in each language's number format, that every chart
// has a title and a text alternative, and runs axe-core (no serious or critical violation).
// Screenshots go to screenshots/ (ignored by git). Starts its own server with a fresh database.
//
// Run alone: cargo build && (cd tests/e2e && npm ci && node --test pages.test.mjs)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { start, screenshots } from './harness.mjs';

const axeSource = createRequire(import.meta.url)('axe-core').source;

let browser;
let base;
let stop;

before(async () => {
  mkdirSync(screenshots, { recursive: true });
  ({ base, browser, stop } = await start('pages'));
});

after(async () => {
  await stop?.();
});

/** The headline figures as each language writes them. */
const FIGURES = {
  vi: { cost: '41.306,53', itemised: '41.096,53', state: '12.578,48', contributions: '28.728,05', implied: '6.713,69 – 7.898,47' },
  en: { cost: '41,306.53', itemised: '41,096.53', state: '12,578.48', contributions: '28,728.05', implied: '6,713.69 – 7,898.47' },
};

/** Every chart: an SVG with role img, labelled by a non-empty title and description. */
async function checkCharts(page, where) {
  const charts = await page.locator('svg').evaluateAll((svgs) =>
    svgs.map((svg) => {
      const ids = (svg.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
      const texts = ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? '');
      return { role: svg.getAttribute('role'), title: svg.querySelector('title')?.textContent?.trim() ?? '', texts };
    }),
  );
  for (const chart of charts) {
    assert.equal(chart.role, 'img', `${where}: a chart is an image`);
    assert.ok(chart.title.length > 0, `${where}: a chart has a <title>`);
    assert.equal(chart.texts.length, 2, `${where}: a chart is labelled by its title and its description`);
    assert.ok(chart.texts.every((t) => t.length > 0), `${where}: the labels are not empty`);
  }
  return charts.length;
}

/** A new page that records what its Content-Security-Policy refused (a style, an image). */
async function openPage(options) {
  const page = await browser.newPage(options);
  page.refused = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) page.refused.push(message.text());
  });
  return page;
}

/** axe-core on the page: no serious or critical violation; and the page's policy refused nothing of its own. */
async function checkAccessibility(page, where) {
  assert.deepEqual(page.refused, [], `${where}: the Content-Security-Policy refused part of the page`);
  // Evaluated, not added as a script tag: the pages' policy (no script at all) would refuse one.
  await page.evaluate(axeSource);
  const results = await page.evaluate(() => window.axe.run());
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const described = bad.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(described, [], `${where}: axe-core found serious or critical violations`);
}

for (const lang of ['vi', 'en']) {
  test(`the ${lang} home page lists the programme with its headline figures`, async () => {
    const page = await openPage();
    const response = await page.goto(`${base}/${lang}`);
    assert.equal(response.status(), 200);
    assert.equal(await page.locator('html').getAttribute('lang'), lang);
    const row = page.locator('tbody tr').filter({ hasText: '2016' });
    assert.equal((await row.locator('[data-figure="cost-reported"]').textContent()).trim(), FIGURES[lang].cost);
    assert.equal((await row.locator('[data-figure="state-reported"]').textContent()).trim(), FIGURES[lang].state);
    assert.equal(
      (await row.locator('[data-figure="contributions-reported"]').textContent()).trim(),
      FIGURES[lang].contributions,
    );
    assert.equal((await row.locator('[data-figure="schemes-reported"]').textContent()).trim(), '65');
    await page.screenshot({ path: join(screenshots, `home-${lang}.png`), fullPage: true });
    await checkAccessibility(page, `/${lang}`);
    await page.close();
  });

  test(`the ${lang} pages across programmes show their figures with a chart and a text alternative`, async () => {
    const page = await openPage();
    for (const path of [`/${lang}/aggregate?by=source&programme=2016-2020`, `/${lang}/compare?base=2016-2020&other=2016-2020`]) {
      const response = await page.goto(`${base}${path}`);
      assert.equal(response.status(), 200, path);
      assert.equal(await page.locator('html').getAttribute('lang'), lang);
      assert.ok((await page.locator('main').innerText()).includes(FIGURES[lang].cost), `${path} shows ${FIGURES[lang].cost}`);
      assert.equal(await checkCharts(page, path), 1, `${path}: one chart`);
      await checkAccessibility(page, path);
    }
    await page.close();
  });

  test(`the ${lang} programme page shows the reconciliation, charts with text alternatives and records`, async () => {
    const page = await openPage();
    const response = await page.goto(`${base}/${lang}/programmes/2016-2020`);
    assert.equal(response.status(), 200);
    assert.equal(await page.locator('html').getAttribute('lang'), lang);
    const text = await page.locator('main').innerText();
    for (const figure of Object.values(FIGURES[lang])) {
      assert.ok(text.includes(figure), `/${lang}/programmes/2016-2020 shows ${figure}`);
    }
    assert.equal(await checkCharts(page, `/${lang}/programmes/2016-2020`), 2, 'two charts: by activity and by source');
    assert.equal(await page.locator('section.card').count(), 7, 'the seven scheme records');
    await page.screenshot({ path: join(screenshots, `programme-${lang}.png`), fullPage: true });
    await checkAccessibility(page, `/${lang}/programmes/2016-2020`);
    await page.close();
  });
}

/**
 * At a phone's width, nothing reaches past the screen: the document is no wider than the
 * viewport, and every element ends inside it, unless it is inside a box that scrolls sideways
 * (`overflow-x: auto|scroll`) and that box itself fits.
 */
async function overflowAt(page, width) {
  return page.evaluate((width) => {
    const scrolls = (el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
    const scrollingAncestor = (el) => {
      for (let p = el.parentElement; p; p = p.parentElement) if (scrolls(p)) return p;
      return null;
    };
    const outside = [];
    for (const el of document.body.querySelectorAll('*')) {
      const box = scrollingAncestor(el) ?? el;
      const right = box.getBoundingClientRect().right;
      if (right > width + 0.5) outside.push(`${el.tagName.toLowerCase()}${el.className ? '.' + el.className : ''} ends at ${Math.round(right)}`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, outside: [...new Set(outside)].slice(0, 10) };
  }, width);
}

for (const lang of ['vi', 'en']) {
  const across = [`/${lang}/aggregate?by=activity&programme=2016-2020`, `/${lang}/compare?base=2016-2020&other=2016-2020`];
  for (const path of [`/${lang}`, `/${lang}/programmes/2016-2020`, ...across]) {
    test(`${path} reads on a phone (390 × 844)`, async () => {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      assert.equal((await page.goto(`${base}${path}`)).status(), 200);
      const { scrollWidth, outside } = await overflowAt(page, 390);
      assert.ok(scrollWidth <= 390, `${path}: the document is ${scrollWidth} px wide at 390`);
      assert.deepEqual(outside, [], `${path}: elements past 390 px outside a scrolling box`);
      if (path === '/vi/programmes/2016-2020') {
        await page.screenshot({ path: join(screenshots, 'programme-vi-390.png'), fullPage: true });
      }
      await page.close();
    });
  }
}
