// filinglint serve in a real browser: Debian's Chromium, headless, driven by
// puppeteer-core. For Chinese and English: open the form, choose a fixture,
// press the button, see the report with its findings and their count,
// filter by severity (the report's own script must run under the server's
// Content-Security-Policy), download the annotated DOCX and find its Word
// comments. No page may report a CSP violation.
//
// Env: FL_BIN (the binary), SRC (the source tree), TMPDIR_BASE (scratch),
// CHROMIUM (default /usr/bin/chromium). Prints "ok ..." / "FAIL: ..." lines
// and "N passed, N failed"; exits 1 on a failure, 0 with "skip:" when
// Chromium or puppeteer-core is missing.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.log(`skip: no Chromium at ${chromium}`);
  process.exit(0);
}
let puppeteer;
try {
  puppeteer = (await import('puppeteer-core')).default;
} catch {
  console.log('skip: puppeteer-core is not installed (npm ci in tests/e2e)');
  process.exit(0);
}
const bin = process.env.FL_BIN, src = process.env.SRC;
if (!bin || !src) {
  console.log('FAIL: FL_BIN and SRC must be set');
  process.exit(1);
}
const scratch = mkdtempSync(join(process.env.TMPDIR_BASE || '/tmp', 'serve_e2e.'));
let passed = 0, failed = 0;
const ok = (name) => { passed++; console.log(`ok ${name}`); };
const fail = (name, why) => { failed++; console.log(`FAIL: ${name}: ${why}`); };
const expect = (name, cond, why) => (cond ? ok(name) : fail(name, why));

// the server, on a free loopback port, with its own temp folder
const tmp = join(scratch, 'tmp');
execFileSync('mkdir', ['-p', tmp]);
const server = spawn(bin, ['serve', '--listen', '127.0.0.1:0', '--jobs', '2'], {
  env: { ...process.env, TMPDIR: tmp },
  stdio: ['ignore', 'ignore', 'pipe'],
});
let log = '';
const port = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`no listening line: ${log}`)), 10000);
  server.stderr.on('data', (d) => {
    log += d;
    const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(log);
    if (m) { clearTimeout(timer); resolve(m[1]); }
  });
  server.on('exit', (code) => reject(new Error(`server exited ${code}: ${log}`)));
});
const base = `http://127.0.0.1:${port}`;

const fixture = join(src, 'fixtures/eia/book-defects.docx');
const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-dev-shm-usage'],
});

async function waitForFile(dir, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const done = readdirSync(dir).filter((f) => !f.endsWith('.crdownload'));
    if (done.length && statSync(join(dir, done[0])).size > 0) return join(dir, done[0]);
    await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}

try {
  for (const lang of ['zh', 'en']) {
    const page = await browser.newPage();
    const violations = [];
    page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text()); });
    await page.goto(`${base}/?lang=${lang}`, { waitUntil: 'load' });
    const button = await page.$eval('#check', (b) => b.textContent);
    expect(`${lang}: the form`, button === (lang === 'zh' ? '检查' : 'Check'), `button says '${button}'`);
    const input = await page.$('#file');
    await input.uploadFile(fixture);
    await page.select('#doc_type', '');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#check')]);
    const title = await page.title();
    expect(`${lang}: the report`, title.includes(lang === 'zh' ? '检查报告' : 'report'), `title '${title}'`);
    await page.screenshot({ path: join(scratch, `report-${lang}.png`), fullPage: false });

    // the findings, and their count as the report's head states it
    const counts = await page.$$eval('.finding', (fs) => {
      const c = { all: fs.length };
      for (const f of fs) { const s = f.className.replace(/.*sev-/, ''); c[s] = (c[s] || 0) + 1; }
      return c;
    });
    expect(`${lang}: findings shown`, counts.all > 0 && counts.error > 0 && counts.warning > 0, JSON.stringify(counts));
    const sevLabel = await page.$eval('[data-sev-filter="error"]', (c) => c.parentElement.textContent);
    expect(`${lang}: the error count in the filter`, sevLabel.includes(`(${counts.error})`), `label '${sevLabel}'`);
    const bodyText = await page.$eval('body', (b) => b.innerText);
    expect(`${lang}: names the file`, bodyText.includes('book-defects.docx'), 'file name not on the page');

    // filter by severity: warnings off, then on again (the report's script runs)
    const visible = (sev) => page.$$eval(`.finding.sev-${sev}`, (fs) => fs.filter((f) => !f.hidden && f.offsetParent !== null).length);
    await page.click('[data-sev-filter="warning"]');
    const warnOff = await visible('warning'), errStill = await visible('error');
    expect(`${lang}: filter hides warnings`, warnOff === 0 && errStill === counts.error, `warnings ${warnOff}, errors ${errStill}`);
    await page.click('[data-sev-filter="warning"]');
    expect(`${lang}: filter shows them again`, (await visible('warning')) === counts.warning, 'warnings not back');

    // the annotated DOCX, downloaded by the browser
    const dl = join(scratch, `dl-${lang}`);
    execFileSync('mkdir', ['-p', dl]);
    const cdp = await page.createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dl });
    await page.click('#dl-docx');
    const file = await waitForFile(dl, 15000);
    if (!file) fail(`${lang}: annotated download`, 'nothing downloaded');
    else {
      let comments = '';
      try { comments = execFileSync('unzip', ['-p', file, 'word/comments.xml']).toString(); } catch { /* none */ }
      expect(`${lang}: annotated DOCX has the comments`, /EIA\d{3}/.test(comments) && comments.includes('<w:comment '),
        `word/comments.xml: ${comments.slice(0, 200)}`);
      expect(`${lang}: annotated DOCX named after the filing`, file.endsWith('book-defects.docx'), file);
    }

    // the other downloads answer too (asked from here: the page's CSP lets
    // no script of its own connect anywhere)
    for (const id of ['dl-json', 'dl-sarif', 'dl-csv']) {
      const href = await page.$eval(`#${id}`, (a) => a.href);
      const res = (await fetch(href)).status;
      expect(`${lang}: ${id}`, res === 200, `status ${res}`);
    }
    expect(`${lang}: no CSP violation`, violations.length === 0, violations.join(' | '));
    await page.close();
  }
} catch (e) {
  fail('browser run', e.stack || String(e));
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await new Promise((r) => server.on('exit', r));
  const left = existsSync(tmp) ? readdirSync(tmp) : [];
  expect('server stopped and its temp folder removed', left.length === 0, left.join(' '));
  if (!process.env.FL_E2E_KEEP) rmSync(scratch, { recursive: true, force: true });
  else console.log(`kept ${scratch}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
