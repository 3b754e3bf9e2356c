// Page widths on a phone: walks a running demo instance at NCP_URL the way a person does, at 320 and 390 CSS px,
// and reports for each page the document width (WCAG 2.1 1.4.10: no horizontal scrolling at 320 px) and the
// controls smaller than 24 x 24 px. Usage: node widths.js [report.json]  (see README.md beside this file).
const { chromium } = require('playwright-core');
const fs = require('fs');
const BASE = process.env.NCP_URL || 'http://localhost:8089';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const LANG = process.env.PAGE_LANG || 'en';
const rows = [];
const measure = async (page, name) => {
  const row = { page: name };
  for (const width of [320, 390]) {
    await page.setViewportSize({ width, height: 800 });
    row[`width${width}`] = await page.evaluate(() => document.documentElement.scrollWidth);
    row[`height${width}`] = await page.evaluate(() => document.documentElement.scrollHeight);
    row[`small${width}`] = await page.evaluate(() => [...document.querySelectorAll('a, button, input, select, summary, label')]
      .filter(e => e.offsetParent !== null && !(e.tagName === 'A' && e.closest('p, li, td, dd, footer')) && e.type !== 'hidden')
      .filter(e => { const r = e.getBoundingClientRect(); return r.width < 24 || r.height < 24; })
      .filter(e => !(e.tagName === 'LABEL' && e.control && e.control.getBoundingClientRect().height >= 24))
      .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}`).slice(0, 8));
  }
  await page.setViewportSize({ width: 390, height: 800 });
  rows.push(row);
  console.log(JSON.stringify(row));
};
(async () => {
  const browser = await chromium.launch({ executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
  const context = await browser.newContext({ viewport: { width: 390, height: 800 }, extraHTTPHeaders: { 'Accept-Language': LANG } });
  const page = await context.newPage();
  await page.goto(`${BASE}/`); await measure(page, 'home');
  await page.goto(`${BASE}/demo-client`); await measure(page, 'demo-client');
  await page.click('#start-transfer button'); await page.waitForURL('**/login'); await measure(page, 'login');
  await page.fill('#username', 'anna'); await page.fill('#password', 'demo');
  await page.click('form[action$="/login"] button'); await page.waitForURL('**/select'); await measure(page, 'select');
  await page.check('#inst-1');
  await page.click('form[action$="/select"] button'); await page.waitForURL('**/preview'); await measure(page, 'preview');
  await page.click('form[action$="/confirm"] button'); await page.waitForURL('**/demo-client/return'); await measure(page, 'demo-client-result');
  await page.goto(`${BASE}/my-results`); await measure(page, 'portal-login');
  await page.fill('#username', 'anna'); await page.fill('#password', 'demo');
  await page.click('form[action$="/login/demo"] button'); await page.waitForURL('**/my-results'); await measure(page, 'portal-results');
  await page.click('#share-link'); await page.waitForURL('**/my-results/share'); await measure(page, 'share-select');
  await page.check('#lo-113');
  await page.click('form[action$="/share/preview"] button[type=submit]'); await page.waitForURL('**/share/preview'); await measure(page, 'share-preview');
  await page.click('form[action$="/share/create"] button'); await page.waitForURL('**/share/create'); await measure(page, 'share-created');
  const url = (await page.textContent('#share-url')).trim();
  const code = (await page.textContent('#share-code')).trim();
  const other = await browser.newContext({ viewport: { width: 390, height: 800 }, extraHTTPHeaders: { 'Accept-Language': LANG } });
  const recipient = await other.newPage();
  await recipient.goto(url.replace(/^https?:\/\/[^/]+/, BASE)); await measure(recipient, 'recipient-code');
  await recipient.fill('#code', code); await recipient.click('form button[type=submit]'); await recipient.waitForSelector('h1');
  await measure(recipient, 'recipient-results');
  for (const path of ['/verification', '/help', '/privacy', '/accessibility', '/contact']) {
    const r = await recipient.goto(`${BASE}${path}`);
    if (r && r.status() === 200) await measure(recipient, path.substring(1));
  }
  await page.goto(`${BASE}/my-results/links`); await measure(page, 'share-links');
  await page.goto(`${BASE}/my-results/ledger`); await measure(page, 'ledger');
  await browser.close();
  fs.writeFileSync(process.argv[2] || 'layout-widths.json', JSON.stringify(rows, null, 2));
  const wide = rows.filter(r => r.width320 > 320 || r.width390 > 390);
  console.log(`${rows.length} pages, ${wide.length} wider than the viewport at 320 or 390 px`);
  process.exitCode = wide.length ? 2 : 0;
})().catch(e => { console.error(e); process.exit(1); });
