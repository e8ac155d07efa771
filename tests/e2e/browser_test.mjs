// End-to-end test of the search page in a real browser (Debian's chromium driven by
// playwright-core): index the bundled corpus plus a document full of markup, start
// `vankien serve` on a free loopback port, then type an unaccented query, see highlighted
// results, apply a facet, open a document, follow a reference link, and check the page at phone
// width. Screenshots go to --out. Exit 0 passed, 1 failed, 77 skipped (no chromium or
// playwright-core: run tools/setup.sh).
//
//   node tests/e2e/browser_test.mjs --vankien build/bin/vankien --corpus corpus --out build/e2e
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SKIP = 77;
const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
if (!fs.existsSync(chromiumPath)) {
  console.log(`SKIPPED: ${chromiumPath} not found; tools/setup.sh installs Debian's chromium`);
  process.exit(SKIP);
}
let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch (e) {
  console.log('SKIPPED: playwright-core is not installed; run tools/setup.sh (npm install in tests/e2e)');
  process.exit(SKIP);
}
for (const key of ['vankien', 'corpus', 'out']) {
  if (!args[key]) { console.error(`usage: browser_test.mjs --vankien BIN --corpus DIR --out DIR (missing --${key})`); process.exit(2); }
}
fs.mkdirSync(args.out, { recursive: true });

let checks = 0;
function check(cond, what) {
  if (!cond) throw new Error('FAILED: ' + what);
  checks++;
  console.log('ok   ' + what);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vankien-e2e-'));
let server, browser;
const started = Date.now();
try {
  // A document whose title and text are markup: it must show as text and never run.
  const extra = path.join(tmp, 'extra');
  fs.mkdirSync(extra);
  fs.writeFileSync(path.join(extra, 'markup.jsonl'), JSON.stringify({
    id: 'markup-test',
    title: '<script>window.__xss = 1</script> Bài thử thoát ký tự',
    date: '2023-01-05',
    text: 'Bài thử thoát ký tự nhắc tới Kết luận số 21-KL/TW về xây dựng Đảng. ' +
      '<img src=x onerror="window.__xss = 2"> <script>window.__xss = 3</script> Hết.'
  }) + '\n');
  const db = path.join(tmp, 'db');
  execFileSync(args.vankien, ['index', '-q', '--db', db, args.corpus, extra], { stdio: 'inherit' });

  server = spawn(args.vankien, ['serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const base = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('vankien serve printed no address: ' + out)), 30000);
    server.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (m) { clearTimeout(timer); resolve(m[0]); }
    });
    server.on('exit', (code) => reject(new Error('vankien serve exited with ' + code)));
  });
  console.log('server at ' + base);

  browser = await chromium.launch({
    executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-background-networking']
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text() + ' ' + JSON.stringify(m.location())); });
  page.setDefaultTimeout(15000);
  const ready = () => page.waitForSelector('body[data-ready="true"]');
  // Runs a step that navigates, then waits until the page has rendered the new view: the flag
  // is cleared first, so a view still showing from before cannot pass for the new one.
  const navigate = async (step) => {
    await page.evaluate(() => { document.body.dataset.ready = 'false'; });
    await step();
    await ready();
  };

  // 1. An unaccented query, typed; results with highlighted accented words.
  await page.goto(base);
  await ready();
  await page.keyboard.press('/');
  check(await page.evaluate(() => document.activeElement && document.activeElement.id === 'q'), '"/" focuses the search box');
  await page.keyboard.type('xay dung dang');
  await navigate(() => page.keyboard.press('Enter'));
  await page.waitForSelector('ol.results li.hit mark');
  const hits = await page.locator('ol.results li.hit').count();
  check(hits >= 4, `unaccented query shows results (${hits})`);
  const marks = await page.locator('ol.results mark').allTextContents();
  check(marks.some((t) => /[âựảĐđ]/.test(t)), `accented words are highlighted: ${marks.slice(0, 6).join(', ')}`);
  const folded = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
  check(marks.every((t) => ['xay', 'dung', 'dang'].includes(folded(t))),
    'every highlight is exactly a query word (byte offsets converted correctly)');
  check(await page.locator('ol.results .badge').count() > 0, 'results show a type badge');
  check((await page.locator('#status').textContent()).includes('kết quả'), 'status line gives the count');
  await page.screenshot({ path: path.join(args.out, 'results.png'), fullPage: true });

  // 2. A facet, whichever the API offers.
  const apiFacets = await page.evaluate(async () => (await (await fetch('/api/search?q=xay+dung+dang')).json()).facets);
  // Facets are an object keyed by facet name: {kind: [{value, count}], ...}.
  const offered = Object.entries(apiFacets || {}).filter(([, values]) => values && values.length);
  if (offered.length === 0) {
    console.log('NOTE: facet step skipped: /api/search returned no facets (the library does not compute them yet)');
  } else {
    const facet = page.locator('a.facet').first();
    const name = await facet.getAttribute('data-facet');
    const count = parseInt(await facet.locator('.count').textContent(), 10);
    const totalOf = async () => parseInt((await page.locator('#status').textContent()).replace(/^khoảng /, '').replace(/\./g, '').replace(/\D.*$/s, ''), 10);
    const before = await totalOf();
    await navigate(() => facet.click());
    check(name === 'kind' || !offered.some(([n]) => n === 'kind'), `the type facet is shown first (first: ${name})`);
    check(await page.evaluate(() => location.hash.includes('&')), 'the facet link adds a filter to the address');
    check(await page.locator('ul.chips a.chip').count() > 0, `facet "${name}" applied as a filter chip`);
    const after = await totalOf();
    check(after === count && after <= before, `the filtered total (${after}) is the facet's count (${count}; before ${before})`);
    await page.screenshot({ path: path.join(args.out, 'facet.png'), fullPage: true });
  }

  // 2b. Browsing without words: filters alone list documents, newest first, dates dd/mm/yyyy.
  await navigate(() => page.goto(base + '#/'));
  await page.selectOption('#f-type', 'NQ');
  await page.selectOption('#f-term', 'XIII');
  await navigate(() => page.click('#filters button[type=submit]'));
  await page.waitForSelector('ol.results li.hit');
  const browseStatus = await page.locator('#status').textContent();
  check(browseStatus.includes('theo bộ lọc'), `filters without words list documents: "${browseStatus}"`);
  const isoDates = await page.locator('ol.results time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
  check(isoDates.length > 0 && isoDates.every((d, i) => i === 0 || isoDates[i - 1] >= d), `newest first (${isoDates.join(', ')})`);
  const shownDates = await page.locator('ol.results time').allTextContents();
  check(shownDates.every((d) => /^\d{2}\/\d{2}\/\d{4}$/.test(d.trim())), `dates shown as dd/mm/yyyy (${shownDates.join(', ')})`);
  await page.screenshot({ path: path.join(args.out, 'browse.png'), fullPage: true });

  // 2c. Facets multi-select: two types at once, both marked selected, then "clear all".
  await navigate(() => page.goto(base + '#/search?q=nghi+quyet'));
  await page.waitForSelector('a.facet[data-facet="kind"]');
  const kinds = page.locator('a.facet[data-facet="kind"]');
  if (await kinds.count() >= 2) {
    await navigate(() => kinds.nth(0).click());
    await navigate(() => page.locator('a.facet[data-facet="kind"]:not(.selected)').first().click());
    const typeParam = await page.evaluate(() => new URLSearchParams(location.hash.split('?')[1]).get('type'));
    check(typeParam && typeParam.split(',').length === 2, `two types chosen together (type=${typeParam})`);
    check(await page.locator('a.facet.selected[aria-pressed="true"]').count() === 2, 'both chosen values are shown selected');
    await page.screenshot({ path: path.join(args.out, 'facets-selected.png'), fullPage: true });
    await navigate(() => page.click('#clear-all'));
    const afterClear = await page.evaluate(() => location.hash);
    check(!afterClear.includes('type=') && afterClear.includes('q=nghi'), `"clear all" keeps the words only (${afterClear})`);
  } else {
    console.log('NOTE: multi-select step skipped: fewer than two types among the results');
  }

  // 2d. Numbered pages and a page size; the total stays the same from page to page.
  await navigate(() => page.goto(base + '#/search?q=nghi+quyet&size=10'));
  await page.waitForSelector('ol.results li.hit');
  const total1 = (await page.locator('#status').textContent()).split(' kết quả')[0];
  check(await page.locator('#page-size').count() === 1, 'a page size can be chosen');
  if (await page.locator('.page-numbers a.page-number').count() > 0) {
    check(await page.locator('.page-numbers [aria-current="page"]').textContent() === '1', 'page 1 is marked current');
    await navigate(() => page.locator('.page-numbers a.page-number').first().click());
    const total2 = (await page.locator('#status').textContent()).split(' kết quả')[0];
    check(total1 === total2, `the total is the same on page 2 (${total1} / ${total2})`);
    check(await page.locator('.page-numbers [aria-current="page"]').textContent() === '2', 'page 2 is marked current');
  } else {
    console.log('NOTE: paging step skipped: one page of results only');
  }
  await navigate(() => page.selectOption('#page-size', '20'));
  check(await page.evaluate(() => location.hash.includes('size=20')), 'choosing 20 per page goes into the address');
  const apiErr = await page.evaluate(async () => (await (await fetch('/api/search?sort=bad&q=x')).json()).error);
  check(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/.test(apiErr), `API errors are Vietnamese: "${apiErr}"`);
  // That 400 was asked for: the console's "failed to load" for it is not a page error.
  for (let i = pageErrors.length - 1; i >= 0; i--) if (pageErrors[i].includes('sort=bad')) pageErrors.splice(i, 1);

  // 3. Open a document found by search: its markup is shown as text and never runs.
  await page.fill('#q', 'thoat ky tu');
  await navigate(() => page.press('#q', 'Enter'));
  await navigate(() => page.click('a.hit-title >> text=Bài thử thoát ký tự'));
  await page.waitForSelector('article.doc h1');
  const title = await page.locator('article.doc h1').textContent();
  check(title.includes('<script>window.__xss = 1</script>'), 'a title with <script> is shown as text');
  const text = await page.locator('.doc-text').textContent();
  check(text.includes('<img src=x onerror="window.__xss = 2">'), 'markup in the text is shown as text');
  check(await page.evaluate(() => window.__xss === undefined), 'no script from the document ran');
  check(await page.locator('article.doc script, article.doc img').count() === 0, 'no element was made from document text');
  const ref = page.locator('.doc-text a.ref', { hasText: '21-KL/TW' });
  check(await ref.count() === 1, 'the document number in the text is a link');
  await page.screenshot({ path: path.join(args.out, 'document.png'), fullPage: true });

  // 4. Follow the reference: the number's page with its facts and who cites it.
  await navigate(() => ref.first().click());
  await page.waitForSelector('h1.ref-title');
  check((await page.locator('h1.ref-title').textContent()).startsWith('21-KL/TW'), 'the reference page is about 21-KL/TW');
  const citing = await page.locator('.citations a.cite-title').allTextContents();
  check(citing.some((t) => t.includes('Bài thử thoát ký tự')), `the citing documents include ours (${citing.length} listed)`);
  check(await page.locator('.citations blockquote').count() > 0, 'each citation shows its sentence');
  await page.screenshot({ path: path.join(args.out, 'reference.png'), fullPage: true });

  // 5. Back, and keyboard navigation reaches the results.
  await navigate(() => page.goBack());
  await page.waitForSelector('article.doc h1');
  check(true, 'back returns to the document');

  // 6. Phone width: no horizontal scrolling, results readable.
  await page.setViewportSize({ width: 375, height: 800 });
  await navigate(() => page.goto(base + '#/search?q=nghi+quyet'));
  await page.waitForSelector('ol.results li.hit');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 1, `no horizontal scroll at 375 px (overflow ${overflow}px)`);
  await page.screenshot({ path: path.join(args.out, 'results-phone.png'), fullPage: false });

  check(pageErrors.length === 0, 'no script errors or CSP violations: ' + pageErrors.join(' | '));
  console.log(`browser test: ${checks} checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${args.out}`);
} catch (e) {
  console.error(e && e.stack ? e.stack : String(e));
  process.exitCode = 1;
} finally {
  if (browser) await browser.close().catch(() => {});
  if (server) server.kill('SIGTERM');
  fs.rmSync(tmp, { recursive: true, force: true });
}
