// Browser tests of the admin UI, in headless Chromium (@sparticuz/chromium) driven by puppeteer-core.
// Run by AdminUiBrowserTest (mvn verify), which starts the servers and empties the tables first:
//   DAOGEN_UI_BASE        an admin server without a token, e.g. http://127.0.0.1:40123
//   DAOGEN_UI_TOKEN_BASE  an admin server that requires DAOGEN_UI_TOKEN
//   DAOGEN_UI_SHOTS       where the screenshots go
// Every wait is on a DOM condition (no sleeps, no retries); any page error or console error fails the run.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import chromium from '@sparticuz/chromium';
import puppeteer from 'puppeteer-core';

const BASE = process.env.DAOGEN_UI_BASE;
const TOKEN_BASE = process.env.DAOGEN_UI_TOKEN_BASE;
const TOKEN = process.env.DAOGEN_UI_TOKEN;
const SHOTS = process.env.DAOGEN_UI_SHOTS;
assert.ok(BASE && TOKEN_BASE && TOKEN && SHOTS, 'DAOGEN_UI_BASE, DAOGEN_UI_TOKEN_BASE, DAOGEN_UI_TOKEN, DAOGEN_UI_SHOTS');
mkdirSync(SHOTS, { recursive: true });
const TIMEOUT = 15000;

// ---- the API, for setting up and checking data ------------------------------------------------------------------

async function call(method, path, body, base = BASE) {
  const res = await fetch(base + path, {
    method, headers: body ? { 'Content-Type': 'application/json' } : {}, body: body && JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

async function created(path, body) {
  const r = await call('POST', path, body);
  assert.equal(r.status, 201, `POST ${path}: ${JSON.stringify(r.json)}`);
  return r.json;
}

// ---- the browser -------------------------------------------------------------------------------------------------

let browser;
try {
  const executablePath = await chromium.executablePath();
  // @sparticuz/chromium's defaults, minus the two that would hide a same-origin or mixed-content mistake
  const args = chromium.args.filter((a) => a !== '--disable-web-security' && a !== '--allow-running-insecure-content');
  browser = await puppeteer.launch({ executablePath, args, headless: 'shell', protocolTimeout: 60000 });
} catch (e) {
  console.error(`CANNOT START THE BROWSER (headless Chromium from @sparticuz/chromium): ${e.stack || e}`);
  process.exit(3);
}

const problems = [];

async function page(base = BASE, { width = 1100, height = 900 } = {}) {
  const p = await browser.newPage();
  await p.setViewport({ width, height });
  p.setDefaultTimeout(TIMEOUT);
  p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  p.on('console', (m) => {
    // the API's 4xx answers are expected (the UI shows them); anything else is a bug
    if (m.type() === 'error' && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())) {
      problems.push(`console error: ${m.text()}`);
    }
  });
  p.base = base;
  return p;
}

/** Opens a UI route and waits until its view is rendered (main is not busy and has its h1). */
async function open(p, hash) {
  await p.goto(`${p.base}/ui/${hash}`);
  await rendered(p);
}

async function rendered(p) {
  await p.waitForFunction(() => !document.querySelector('main').hasAttribute('aria-busy')
    && document.querySelector('main h1'));
}

/** Clicks and waits for the next view to be rendered; its h1 must then contain `title`. */
async function clickAndRender(p, selector, title) {
  const before = await p.$eval('main', (m) => m.dataset.view);
  await p.click(selector);
  await p.waitForFunction((b) => {
    const main = document.querySelector('main');
    return !main.hasAttribute('aria-busy') && main.dataset.view !== b;
  }, {}, before);
  assert.ok((await text(p, 'main h1')).includes(title), `${await text(p, 'main h1')} should contain ${title}`);
}

const text = (p, selector) => p.$eval(selector, (e) => e.textContent.trim());
const fieldError = (p, name) => p.$eval(`[name="${name}"]`, (input) => {
  const box = input.closest('.field, fieldset');
  const err = box.querySelector('.error');
  return err.hidden ? '' : err.textContent;
});
const listNames = (p, column) => p.$$eval('table.list tbody tr', (rows, c) => rows.map((r) => {
  const idx = [...r.closest('table').querySelectorAll('thead th')].findIndex((th) => th.textContent === c);
  return r.children[idx] ? r.children[idx].textContent : '';
}), column);

async function waitForRowCount(p, n) {
  await p.waitForFunction((k) => !document.querySelector('main').hasAttribute('aria-busy')
    && document.querySelectorAll('table.list tbody tr').length === k
    && !document.querySelector('table.list tbody td[colspan]'), {}, n);
}

async function fill(p, name, value) {
  await p.$eval(`[name="${name}"]`, (e) => { e.value = ''; });
  await p.type(`[name="${name}"]`, value);
}

// ---- scenarios --------------------------------------------------------------------------------------------------

const scenarios = [];
const scenario = (name, fn) => scenarios.push({ name, fn });

scenario('home lists the plugins and entities with row counts', async () => {
  await created('/consumers', { username: 'counted' });
  const p = await page();
  await open(p, '#/');
  assert.match(await text(p, 'main h2'), /Plugin key-auth/);
  const consumers = await p.$eval('tr[data-entity=consumers] td.num', (e) => e.textContent);
  assert.equal(consumers, '1');
  assert.equal(await p.$eval('tr[data-entity=keyauth_credentials] code', (e) => e.textContent), '/key-auths');
  await clickAndRender(p, 'tr[data-entity=consumers] a', 'consumers');
  assert.deepEqual(await listNames(p, 'username'), ['counted']);
  await call('DELETE', '/consumers/counted');
  await p.close();
});

scenario('create a consumer: an entity error, a field error, fixed; nothing typed is lost', async () => {
  const p = await page();
  await open(p, '#/e/consumers/new');
  assert.equal(await p.$('[name=id]'), null, 'auto fields are hidden on create');
  assert.equal(await p.$('[name=created_at]'), null, 'auto fields are hidden on create');
  await p.click('form.entity button[type=submit]');
  await p.waitForSelector('.errors:not([hidden])');
  assert.match(await text(p, '.errors'), /at least one of these fields must be non-empty: 'username', 'custom_id'/);

  await p.type('[name=username]', 'x'.repeat(129));
  await p.type('[name=custom_id]', 'ext-1');
  await p.click('[data-field=tags] button');
  await p.type('[name="tags[]"]', 'gold');
  await p.click('form.entity button[type=submit]');
  await p.waitForFunction(() => document.querySelector('[name=username]').getAttribute('aria-invalid') === 'true');
  assert.equal(await fieldError(p, 'username'), 'length must be at most 128');
  assert.match(await text(p, '.errors'), /Schema violation: 1 field below needs a change/);
  assert.equal(await p.$eval('[name=custom_id]', (e) => e.value), 'ext-1', 'the form keeps what was typed');
  assert.equal(await p.$eval('[name="tags[]"]', (e) => e.value), 'gold');
  assert.equal(await p.evaluate(() => document.activeElement.classList.contains('errors')), true,
    'focus moves to the error summary');
  await p.screenshot({ path: join(SHOTS, 'ui-form-error.png') });

  await fill(p, 'username', 'alice');
  await clickAndRender(p, 'form.entity button[type=submit]', 'consumers alice');
  assert.match(await text(p, '#status'), /Created consumers alice/);
  const alice = (await call('GET', '/consumers/alice')).json;
  assert.equal(alice.custom_id, 'ext-1');
  assert.deepEqual(alice.tags, ['gold']);
  await p.close();
});

scenario('add a key-auth under the consumer (the parent prefilled), with a ttl', async () => {
  const p = await page();
  await open(p, '#/e/consumers/i/alice');
  await clickAndRender(p, 'section.children a.button[href*="keyauth_credentials/new"]', 'New keyauth_credentials');
  await p.waitForFunction(() => document.querySelector('[name=consumer]').value === 'alice');
  assert.equal(await p.$('[name=key]'), null, 'the auto key is hidden on create');
  await p.type('[name=ttl]', '3600');
  await clickAndRender(p, 'form.entity button[type=submit]', 'consumers alice');
  assert.match(await text(p, '#status'), /Created keyauth_credentials/);
  await p.waitForSelector('section.children table.list tbody tr th a');
  const keys = (await call('GET', '/consumers/alice/key-auth')).json.data;
  assert.equal(keys.length, 1);
  assert.ok(keys[0].ttl > 3500 && keys[0].ttl <= 3600, `ttl ${keys[0].ttl}`);
  assert.equal(await text(p, 'section.children table.list tbody th a'), keys[0].key);
  await p.close();
});

scenario('filter by tags: all of, any of', async () => {
  await created('/consumers', { username: 't-eu-mobile', tags: ['eu', 'mobile'] });
  await created('/consumers', { username: 't-eu', tags: ['eu'] });
  await created('/consumers', { username: 't-us-mobile', tags: ['us', 'mobile'] });
  const p = await page();
  await open(p, '#/e/consumers');
  await fill(p, 'tags', 'eu, mobile');
  await p.click('.filters button[type=submit]');
  await waitForRowCount(p, 1);
  assert.deepEqual(await listNames(p, 'username'), ['t-eu-mobile']);
  assert.match(await text(p, 'table.list caption'), /with all of the tags eu, mobile/);
  await p.click('input[name=match][value=any]');
  await p.click('.filters button[type=submit]');
  await waitForRowCount(p, 3);
  assert.deepEqual((await listNames(p, 'username')).sort(), ['t-eu', 't-eu-mobile', 't-us-mobile']);
  await p.close();
});

scenario('page through 150 rows: next, next, previous, page size', async () => {
  const names = Array.from({ length: 150 }, (_, i) => `u-${String(i).padStart(3, '0')}`);
  for (let i = 0; i < names.length; i += 15) {
    await Promise.all(names.slice(i, i + 15).map((name) => created('/upstreams', { name })));
  }
  const p = await page();
  await open(p, '#/e/upstreams?size=50');
  await waitForRowCount(p, 50);
  const seen = [...await listNames(p, 'name')];
  const page1 = await listNames(p, 'name');
  await p.click('.pager button:last-of-type');
  await p.waitForFunction(() => document.querySelector('.pager .page').textContent === 'Page 2');
  await waitForRowCount(p, 50);
  const page2 = await listNames(p, 'name');
  seen.push(...page2);
  await p.click('.pager button:last-of-type');
  await p.waitForFunction(() => document.querySelector('.pager .page').textContent === 'Page 3');
  await waitForRowCount(p, 50);
  seen.push(...await listNames(p, 'name'));
  assert.equal(await p.$eval('.pager button:last-of-type', (b) => b.disabled), true, 'no page after the last');
  assert.deepEqual([...new Set(seen)].sort(), names, 'every row once');
  await p.click('.pager button:first-of-type');
  await p.waitForFunction(() => document.querySelector('.pager .page').textContent === 'Page 2');
  assert.deepEqual(await listNames(p, 'name'), page2, 'previous goes back through the offsets');
  await p.click('.pager button:first-of-type');
  await p.waitForFunction(() => document.querySelector('.pager .page').textContent === 'Page 1');
  assert.deepEqual(await listNames(p, 'name'), page1);
  assert.equal(await p.$eval('.pager button:first-of-type', (b) => b.disabled), true);
  await p.select('#size', '10');
  await waitForRowCount(p, 10);
  await p.screenshot({ path: join(SHOTS, 'ui-list.png') });
  // a narrow screen: nothing wider than the viewport but the scrolling table
  await p.setViewport({ width: 360, height: 740 });
  await rendered(p);
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(overflow <= 360, `page width ${overflow} on a 360px screen`);
  await p.close();
});

scenario('edit: limits as input constraints, a field error, saved; immutable fields read-only', async () => {
  const p = await page();
  await open(p, '#/e/upstreams/i/u-000');
  assert.equal(await p.$eval('[name=slots]', (e) => [e.type, e.min, e.max].join(' ')), 'number 10 65536');
  assert.equal(await p.$eval('[name=protocol]', (e) => e.readOnly), true, 'immutable on edit');
  assert.equal(await p.$eval('[name=id]', (e) => e.readOnly), true, 'the key on edit');
  assert.deepEqual(await p.$$eval('[name=algorithm] option', (o) => o.map((x) => x.value).slice(1)),
    ['ROUND_ROBIN', 'CONSISTENT_HASHING', 'LEAST_CONNECTIONS']);
  await fill(p, 'slots', '5');
  await p.select('[name=algorithm]', 'LEAST_CONNECTIONS');
  await p.click('form.entity button[type=submit]');
  await p.waitForFunction(() => document.querySelector('[name=slots]').getAttribute('aria-invalid') === 'true');
  assert.equal(await fieldError(p, 'slots'), 'value must be at least 10');
  assert.equal(await p.$eval('[name=algorithm]', (e) => e.value), 'LEAST_CONNECTIONS', 'kept after the error');
  await fill(p, 'slots', '20');
  await p.click('[data-field=labels] button');
  await p.type('[name="labels.key"]', 'team');
  await p.type('[name="labels.value"]', 'edge');
  await p.type('[name="healthcheck.path"]', '/health');
  await p.type('[name="healthcheck.interval_seconds"]', '5');
  await clickAndRender(p, 'form.entity button[type=submit]', 'upstreams u-000');
  assert.match(await text(p, '#status'), /Saved upstreams u-000/);
  const u = (await call('GET', '/upstreams/u-000')).json;
  assert.equal(u.slots, 20);
  assert.equal(u.algorithm, 'LEAST_CONNECTIONS');
  assert.deepEqual(u.labels, { team: 'edge' });
  assert.deepEqual(u.healthcheck, { path: '/health', interval_seconds: 5, healthy_statuses: null });
  assert.equal(await p.$eval('[name=slots]', (e) => e.value), '20');
  await p.close();
});

scenario('delete: the cascade warning, keyboard, confirmed; a restrict refused with the API error', async () => {
  const p = await page();
  await open(p, '#/e/consumers/i/alice');
  await p.click('.danger-zone button');
  await p.waitForSelector('dialog.confirm[open]');
  const effects = await text(p, '#delete-effects');
  assert.match(effects, /Deletes its keyauth_credentials entities \(consumer\)/);
  assert.match(effects, /Deletes its credential_scopes entities \(credential\)/, 'cascades two levels down');
  assert.equal(await p.evaluate(() => document.activeElement.textContent), 'Cancel', 'focus on the safe choice');
  await p.keyboard.press('Escape');
  await p.waitForFunction(() => !document.querySelector('dialog.confirm'));
  assert.equal((await call('GET', '/consumers/alice')).status, 200, 'Escape deletes nothing');
  await p.click('.danger-zone button');
  await p.waitForSelector('dialog.confirm[open]');
  await clickAndRender(p, 'dialog.confirm button.danger', 'consumers');
  assert.match(await text(p, '#status'), /Deleted consumers alice/);
  assert.equal((await call('GET', '/consumers/alice')).status, 404);
  assert.equal((await call('GET', '/key-auths')).json.data.length, 0, 'the key-auth went with it');

  const upstream = (await call('GET', '/upstreams/u-001')).json;
  await created('/targets', { upstream: { id: upstream.id }, target: 'a:80', host: 'a' });
  await open(p, '#/e/upstreams/i/u-001');
  await p.click('.danger-zone button');
  await p.waitForSelector('dialog.confirm[open]');
  const restrict = await text(p, '#delete-effects');
  assert.match(restrict, /Refused while targets entities \(upstream\) reference it/);
  assert.match(restrict, /Clears upstream of its routes entities/);
  await p.click('dialog.confirm button.danger');
  await p.waitForSelector('dialog.confirm .error:not([hidden])');
  assert.match(await text(p, 'dialog.confirm .error'), /an existing 'targets' entity references this 'upstreams' entity/);
  assert.equal((await call('GET', '/upstreams/u-001')).status, 200);
  await p.close();
});

scenario('a token-protected server: the UI asks for the token, keeps it for the tab, sends it', async () => {
  const p = await page(TOKEN_BASE);
  await p.goto(`${TOKEN_BASE}/ui/`);
  await p.waitForSelector('dialog.token[open]');
  await p.type('#token', 'wrong-token');
  await p.keyboard.press('Enter');
  await p.waitForSelector('dialog.token[open] .error');
  assert.match(await text(p, 'dialog.token .error'), /refused/);
  await p.type('#token', TOKEN);
  await p.keyboard.press('Enter');
  await rendered(p);
  assert.equal(await text(p, 'main h1'), 'Entities');
  assert.equal(await p.evaluate(() => sessionStorage.getItem('daogen-admin-token')), TOKEN);
  assert.equal(await p.evaluate(() => localStorage.length), 0, 'nothing beyond the session');
  await p.reload();
  await rendered(p);
  assert.equal(await p.$('dialog.token'), null, 'no second prompt in the same tab');
  await p.click('#forget-token');
  await p.waitForSelector('dialog.token[open]');
  await p.close();
  const other = await page(TOKEN_BASE);
  await other.goto(`${TOKEN_BASE}/ui/`);
  await other.waitForSelector('dialog.token[open]', {});
  await other.close();
});

// ---- run ----------------------------------------------------------------------------------------------------------

let failed = 0;
const started = Date.now();
for (const s of scenarios) {
  const t = Date.now();
  try {
    await s.fn();
    assert.deepEqual(problems, [], 'no page or console errors');
    console.log(`ok   ${s.name} (${Date.now() - t} ms)`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${s.name} (${Date.now() - t} ms)\n${e.stack || e}`);
  }
  problems.length = 0;
}
await browser.close();
console.log(`${scenarios.length - failed} of ${scenarios.length} scenarios passed in ${Date.now() - started} ms`);
process.exit(failed ? 1 : 0);
