// Screenshots of every page and an automated accessibility scan (axe-core, WCAG 2.1 A/AA rules) of each,
// against a demo instance at NCP_URL (default http://localhost:8089). Usage: see README.md beside this file.
const { chromium } = require('playwright-core');
const fs = require('fs');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const BASE = process.env.NCP_URL || 'http://localhost:8089';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const results = [];
(async () => {
  const browser = await chromium.launch({ executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
  const out = process.argv[2];
  const scan = async (page, name) => {
    await page.addScriptTag({ content: axeSource });
    const r = await page.evaluate(async () => await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
    results.push({ page: name, url: page.url(), violations: r.violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help })) , passes: r.passes.length });
  };
  // Screenshots in English and bokmål (desktop, and a 390 px phone for the main pages); the scan in all four languages.
  const PHONE = ['login', 'select', 'preview', 'portal-results', 'share-created', 'recipient-results', 'share-links'];
  const shotAndScan = async (page, lang, name, shoot = true) => {
    if (shoot && (lang === 'en' || lang === 'nb')) {
      await page.screenshot({ path: `${out}/${lang}-${name}.png`, fullPage: true });
      if (PHONE.includes(name)) {
        const size = page.viewportSize();
        await page.setViewportSize({ width: 390, height: 844 });
        await page.screenshot({ path: `${out}/phone-${lang}-${name}.png`, fullPage: true });
        await page.setViewportSize(size);
      }
    }
    await scan(page, `${lang}-${name}`);
  };
  for (const lang of (process.env.LANGS || 'en,nb,nn,se').split(',')) {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1100, height: 900 }, locale: lang === 'en' ? 'en-GB' : `${lang}-NO`,
      extraHTTPHeaders: { 'Accept-Language': lang } });
    const page = await context.newPage();
    await page.goto(`${BASE}/`);
    await shotAndScan(page, lang, 'home');
    await page.goto(`${BASE}/demo-client`);
    await shotAndScan(page, lang, 'demo-client');
    await page.click('#start-transfer button');
    await page.waitForURL('**/login');
    await shotAndScan(page, lang, 'login');
    await page.fill('#username', 'anna');
    await page.fill('#password', 'demo');
    await page.click('form[action$="/login"] button');
    await page.waitForURL('**/select');
    await page.check('#inst-1');
    await page.check('#lo-136');
    await shotAndScan(page, lang, 'select');
    await page.click('form[action$="/select"] button');
    await page.waitForURL('**/preview');
    await shotAndScan(page, lang, 'preview');
    await page.click('form[action$="/confirm"] button');
    await page.waitForURL('**/demo-client/return');
    await shotAndScan(page, lang, 'demo-client-result');

    // The same transfer by EMREX 2.0: the demo client's second form, the same pages, the client's result page.
    await page.goto(`${BASE}/demo-client`);
    await page.click('#start-emrex2 button');
    await page.waitForURL('**/login');
    await page.fill('#username', 'anna');
    await page.fill('#password', 'demo');
    await page.click('form[action$="/login"] button');
    await page.waitForURL('**/select');
    await page.check('#inst-1');
    await page.click('form[action$="/select"] button');
    await page.waitForURL('**/preview');
    await shotAndScan(page, lang, 'emrex2-consent');
    await page.click('form[action$="/confirm"] button');
    await page.waitForURL('**/demo-client/emrex2/return**');
    await shotAndScan(page, lang, 'demo-client-emrex2-result');
    await page.goto(`${BASE}/oauth2/authorize?client_id=nobody`);
    await shotAndScan(page, lang, 'emrex2-refused', lang === 'en');

    // The citizen portal: results, share by link, the owner's links, the ledger.
    await page.goto(`${BASE}/my-results`);
    await shotAndScan(page, lang, 'portal-login', lang === 'en');
    await page.fill('#username', 'anna');
    await page.fill('#password', 'demo');
    await page.click('form[action$="/login/demo"] button');
    await page.waitForURL('**/my-results');
    await shotAndScan(page, lang, 'portal-results');
    await page.click('#share-link');
    await page.waitForURL('**/my-results/share');
    await page.check('#lo-113');
    await page.check('#lo-121');
    await shotAndScan(page, lang, 'share-select', lang === 'en');
    await page.click('form[action$="/share/preview"] button[type=submit]');
    await page.waitForURL('**/share/preview');
    await page.check('#validity-30');
    await page.check(`#language-${lang}`);
    await page.fill('#label', lang === 'en' ? 'Job application, Bergen' : 'Søknad om jobb i Bergen');
    await shotAndScan(page, lang, 'share-preview');
    await page.click('form[action$="/share/create"] button');
    await page.waitForURL('**/share/create');
    const url = (await page.textContent('#share-url')).trim();
    const code = (await page.textContent('#share-code')).trim();
    await shotAndScan(page, lang, 'share-created');

    // The recipient, in a browser of their own.
    const other = await browser.newContext({ bypassCSP: true, viewport: { width: 1100, height: 900 } });
    const recipient = await other.newPage();
    await recipient.goto(url.replace(/^https?:\/\/[^/]+/, BASE));
    await shotAndScan(recipient, lang, 'recipient-code');
    await recipient.fill('#code', 'WRONG-CODE-1');
    await recipient.click('form button[type=submit]');
    await scan(recipient, `${lang}-recipient-wrong-code`);
    await recipient.fill('#code', code);
    await recipient.click('form button[type=submit]');
    await recipient.waitForSelector('h1');
    await shotAndScan(recipient, lang, 'recipient-results');
    await other.close();

    await page.goto(`${BASE}/my-results/links`);
    await shotAndScan(page, lang, 'share-links');
    await page.goto(`${BASE}/my-results/ledger`);
    await shotAndScan(page, lang, 'ledger');
    // Sending a link by e-mail (the demo's mailer sends nothing), help and the statements.
    await page.goto(`${BASE}/my-results/links`);
    const linkId = await page.getAttribute('tr[data-link]', 'data-link');
    await page.goto(`${BASE}/my-results/links/${linkId}/email`);
    await shotAndScan(page, lang, 'share-email', lang === 'en');
    await page.fill('#share-email', 'recipient@example.org');
    await page.click('form.share-email button[type=submit]');
    await page.waitForSelector('#share-email-sent');
    await shotAndScan(page, lang, 'share-email-sent', lang === 'en');
    for (const info of ['help', 'privacy', 'accessibility', 'contact']) {
      await page.goto(`${BASE}/${info}`);
      await shotAndScan(page, lang, info, lang === 'en');
    }
    await context.close();
  }

  // Reflow (WCAG 1.4.10): at 320 CSS pixels nothing but a data table (two-dimensional content, which the criterion
  // exempts) reaches beyond the screen, the long link and the code included.
  const narrow = await browser.newContext({ bypassCSP: true, viewport: { width: 320, height: 640 } });
  const phone = await narrow.newPage();
  const reflow = async (name) => {
    const width = await phone.evaluate(() => Math.max(document.documentElement.clientWidth,
      ...[...document.querySelectorAll('body *')].filter(e => !e.closest('table'))
        .map(e => Math.ceil(e.getBoundingClientRect().right + window.scrollX))));
    results.push({ page: `320px-${name}`, url: phone.url(), passes: 1,
      violations: width > 320 ? [{ id: 'reflow-320', impact: 'serious', nodes: 1, help: `page is ${width}px wide at 320px` }] : [] });
  };
  for (const path of ['/', '/help', '/privacy', '/accessibility', '/contact', '/my-results']) {
    await phone.goto(`${BASE}${path}`);
    await reflow(path);
  }
  await phone.fill('#username', 'anna');
  await phone.fill('#password', 'demo');
  await phone.click('form[action$="/login/demo"] button');
  await phone.waitForURL('**/my-results');
  await reflow('portal-results');
  await phone.goto(`${BASE}/my-results/share`);
  await phone.check('#lo-113');
  await phone.click('form[action$="/share/preview"] button[type=submit]');
  await phone.waitForURL('**/share/preview');
  await phone.click('form[action$="/share/create"] button');
  await phone.waitForURL('**/share/create');
  await reflow('share-created');
  await phone.screenshot({ path: `${out}/320-share-created.png`, fullPage: true });
  await narrow.close();
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1100, height: 700 } });
  const page = await context.newPage();
  const response = await page.request.post(`${BASE}/emrex`, { form: { sessionId: 'x', returnUrl: 'javascript:alert(1)' } });
  await page.setContent(await response.text());
  await page.addStyleTag({ url: `${BASE}/css/ncp.css` });
  await page.screenshot({ path: `${out}/en-entry-invalid.png` });
  await scan(page, 'en-entry-invalid');
  await browser.close();
  fs.writeFileSync(process.env.SCAN_REPORT || 'a11y-scan.json', JSON.stringify(results, null, 2));
  const bad = results.filter(r => r.violations.length);
  console.log(`${results.length} pages scanned, ${bad.length} with violations`);
  for (const r of bad) console.log(r.page, JSON.stringify(r.violations));
  process.exitCode = bad.length ? 2 : 0;
})().catch(e => { console.error(e); process.exit(1); });
