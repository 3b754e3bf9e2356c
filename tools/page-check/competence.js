// Screenshots of "My competence" against a demo instance at NCP_URL (default http://localhost:8089), with an axe-core
// scan (WCAG 2.1 A and AA rules) of each page: dagny's page of credentials only, her share page with the credentials'
// boxes, the recipient's page of a link with both credentials (the revoked authorisation as shared and today), and
// Anna's EMREX 2.0 selection and preview with her school's results and her driving licence.
// Usage: see README.md beside this file (`npm run competence`).
const fs = require('fs');
const { chromium } = require('playwright-core');
const BASE = process.env.NCP_URL || 'http://localhost:8089';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
(async () => {
  const out = process.argv[2];
  const browser = await chromium.launch({ executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
  const violations = [];
  const scan = async (page, name) => {
    await page.addScriptTag({ content: axeSource });
    const r = await page.evaluate(async () => await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
    for (const v of r.violations) violations.push(`${name}: ${v.id} (${v.nodes.length})`);
  };
  const newPage = async () => (await browser.newContext({ bypassCSP: true, viewport: { width: 1100, height: 900 }, locale: 'en-GB',
    extraHTTPHeaders: { 'Accept-Language': 'en' } })).newPage();

  const owner = await newPage();
  await owner.goto(`${BASE}/my-results?lang=en`);
  await owner.fill('#username', 'dagny');
  await owner.fill('#password', 'demo');
  await owner.click('form[action$="/login/demo"] button');
  await owner.waitForSelector('#competence');
  await owner.screenshot({ path: `${out}/en-my-competence.png`, fullPage: true });
  await scan(owner, 'my competence');

  await owner.click('#share-link');
  await owner.waitForSelector('#credential-choices');
  for (const box of await owner.$$('#credential-choices input[name=credential]')) await box.check();
  await owner.screenshot({ path: `${out}/en-share-credentials.png`, fullPage: true });
  await scan(owner, 'share: credentials');
  await owner.click('form[action$="/share/preview"] button[type=submit]');
  await owner.waitForURL('**/share/preview');
  await owner.click('form[action$="/share/create"] button[type=submit]');
  await owner.waitForSelector('#share-url');
  const url = (await owner.textContent('#share-url')).trim().replace(/^https?:\/\/[^/]+/, BASE);
  const code = (await owner.textContent('#share-code')).trim();

  const recipient = await newPage();
  await recipient.goto(url);
  await recipient.fill('#code', code);
  await recipient.click('form button[type=submit]');
  await recipient.waitForSelector('#competence');
  await recipient.screenshot({ path: `${out}/en-recipient-competence.png`, fullPage: true });
  await scan(recipient, 'recipient: credentials');

  // An EMREX 2.0 transfer from the demo client (no scope: every evidence type): Anna's school is an institution of
  // the selection like any, her driving licence a credential with a box of its own.
  const student = await newPage();
  await student.goto(`${BASE}/demo-client?lang=en`);
  await student.click('#start-emrex2 button');
  await student.waitForURL('**/login');
  await student.fill('#username', 'anna');
  await student.fill('#password', 'demo');
  await student.click('form[action$="/login"] button');
  await student.waitForSelector('#credential-choices');
  const school = await student.$('fieldset.institution:has(legend:text("Oslo katedralskole")) input[name=institution]');
  await school.check();
  for (const box of await student.$$('#credential-choices input[name=credential]')) await box.check();
  await student.screenshot({ path: `${out}/en-transfer-credentials.png`, fullPage: true });
  await scan(student, 'transfer: selection with credentials');
  await student.click('form.selection button.primary');
  await student.waitForURL('**/preview');
  await student.screenshot({ path: `${out}/en-transfer-credentials-preview.png`, fullPage: true });
  await scan(student, 'transfer: preview with credentials');
  await browser.close();
  console.log(`screenshots in ${out}`);
  if (violations.length) {
    console.error(violations.join('\n'));
    process.exit(2);
  }
})().catch(e => { console.error(e); process.exit(1); });
