// Screenshots of the receiver side against a demo instance at NCP_URL (default http://localhost:8089): the demo
// case office asks for Anna's results through the receivers' API, the applicant fetches them here (login, select
// everything, confirm), and the case worker (case / demo) sees the list and the evaluated request with its verdicts.
// Usage: see README.md beside this file (`npm run receivers`).
const { chromium } = require('playwright-core');
const BASE = process.env.NCP_URL || 'http://localhost:8089';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const TOKEN = 'demo-case-office-token-public-not-secret';
(async () => {
  const out = process.argv[2];
  const browser = await chromium.launch({ executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1100, height: 900 }, locale: 'en-GB',
    extraHTTPHeaders: { 'Accept-Language': 'en' } });
  const page = await context.newPage();

  // The case system asks; a second request stays waiting, so that the list shows more than one status.
  const ask = async (caseReference) => {
    const created = await page.request.post(`${BASE}/api/receiver/requests`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
      data: { caseReference, person: { givenNames: 'Anna Kristine', familyName: 'Sørbø-Łukasiewicz', birthDate: '1998-04-17' },
        profile: 'bachelor-degree', purpose: 'Application for citizenship',
        returnUrl: `https://case-office.demo.example.org/cases/${caseReference}` } });
    if (created.status() !== 201) throw new Error(`request refused: ${created.status()} ${await created.text()}`);
    return (await created.json()).applicantUrl.replace(/^https?:\/\/[^/]+/, BASE);
  };
  const stamp = new Date().toISOString().slice(0, 10).replace(/-/g, '');
  await ask(`DEMO-${stamp}-0002`);
  const applicantUrl = await ask(`DEMO-${stamp}-0001`);

  // The applicant: this NCP is offered first and chosen.
  await page.goto(applicantUrl);
  await page.screenshot({ path: `${out}/en-receiver-request.png`, fullPage: true });
  await page.click('#choose-provider button[type=submit]');
  await page.waitForURL('**/login');
  await page.fill('#username', 'anna');
  await page.fill('#password', 'demo');
  await page.click('form[action$="/login"] button');
  await page.waitForURL('**/select');
  for (const box of await page.$$('input[name=lo]')) await box.check();
  await page.click('form[action$="/select"] button');
  await page.waitForURL('**/preview');
  await page.click('form[action$="/confirm"] button');
  await page.waitForURL('**/receive/**');
  await page.waitForSelector('h1');

  // The case worker.
  await page.goto(`${BASE}/case-worker/login`);
  await page.fill('#username', 'case');
  await page.fill('#password', 'demo');
  await page.click('#login-demo button');
  await page.waitForURL('**/case-worker');
  await page.screenshot({ path: `${out}/en-case-worker-list.png`, fullPage: true });
  await page.click(`#requests a:text("DEMO-${stamp}-0001")`);
  await page.waitForURL('**/case-worker/requests/**');
  await page.waitForSelector('#verdicts');
  await page.screenshot({ path: `${out}/en-case-worker-request.png`, fullPage: true });
  await browser.close();
  console.log(`screenshots in ${out}`);
})().catch(e => { console.error(e); process.exit(1); });
