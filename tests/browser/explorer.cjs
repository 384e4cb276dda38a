// Drives the kg explorer in headless Chromium as a person would: the start page, type-ahead search, an entity
// page, a fact's explanation, the neighbourhood graph and its property filter; saves two screenshots.
// Usage: node explorer.cjs URL ENTITY_SHOT.png GRAPH_SHOT.png QUERY
//   (Chromium from $KG_CHROMIUM, default /usr/bin/chromium; QUERY is typed into the search box)
// Prints a JSON report of what was on screen; exits non-zero when a step fails.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const [url, entityShot, graphShot, typed] = process.argv.slice(2);
if (!url || !entityShot || !graphShot || !typed) {
  console.error('usage: node explorer.cjs URL ENTITY_SHOT.png GRAPH_SHOT.png QUERY');
  process.exit(2);
}

const texts = (page, selector) => page.$$eval(selector, (els) => els.map((e) => e.textContent.trim()));

async function main() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.KG_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const report = { errors: [] };
  try {
    const page = context.pages()[0] || (await context.newPage());
    page.on('pageerror', (e) => report.errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') report.errors.push(m.text()); });
    page.setDefaultTimeout(30000);
    await page.goto(url);

    // The start page shows the corpus.
    await page.waitForSelector('#central li');
    report.counts = await texts(page, '#counts .card');
    report.central = await texts(page, '#central li a');
    report.ready = await texts(page, '#ready li');

    // Type-ahead search, then Enter opens the first hit's page.
    await page.click('#entity-search');
    await page.keyboard.type(typed, { delay: 60 });
    await page.waitForSelector('#search-results li');
    report.hits = await texts(page, '#search-results li');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#facts .fact');
    await page.waitForFunction(() => document.getElementById('entity-name').textContent !== 'loading…');
    report.hash = await page.evaluate(() => decodeURIComponent(location.hash));
    report.entity = await page.textContent('#entity-name');
    report.entityClass = await page.textContent('#entity-class');
    report.groups = await texts(page, '#facts .group h4');
    report.facts = await page.$$eval('#facts .fact', (n) => n.length);
    report.documents = await page.$$eval('#entity-docs li', (n) => n.length);
    report.coMentioned = await texts(page, '#co-mentioned li a');
    await page.screenshot({ path: entityShot, fullPage: false });

    // A fact's explanation: its sentence, document, rule and confidence.
    await page.click('#facts .fact .why');
    await page.waitForSelector('#explain-body .explanation');
    report.explanation = await page.textContent('#explain-body');
    await page.click('#explain .close');

    // The neighbourhood graph of the same entity.
    await page.click('#entity-graph-link');
    await page.waitForFunction(() => document.querySelectorAll('g.node').length > 1);
    await page.waitForTimeout(2500); // let the layout settle
    report.nodes = await page.$$eval('g.node', (n) => n.length);
    report.edgeLabels = await page.$$eval('g.edge', (es) => es.map((e) => e.getAttribute('data-label')));
    report.legend = await texts(page, '#legend span');
    report.graphStatus = await page.textContent('#graph-status');
    await page.screenshot({ path: graphShot, fullPage: false });

    // Hover an edge: the tooltip shows its best sentence; click it: its explanation.
    const box = await page.$eval('g.edge text', (t) => { const r = t.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; });
    await page.mouse.move(box.x + box.w / 2, box.y + box.h / 2);
    await page.waitForSelector('#tooltip:not([hidden])');
    report.tooltip = await page.textContent('#tooltip');
    await page.mouse.click(box.x + box.w / 2, box.y + box.h / 2);
    await page.waitForSelector('#explain-body .explanation');
    report.edgeExplanation = await page.textContent('#explain-body');
    await page.click('#explain .close');

    // Filter by one property: only its edges remain.
    const option = await page.$eval('#f-property option', (o) => o.value);
    report.filter = option;
    await page.selectOption('#f-property', [option]);
    await page.click('#apply-filters');
    await page.waitForFunction((p) => {
      const labels = [...document.querySelectorAll('g.edge')].map((e) => e.getAttribute('data-label'));
      return labels.length > 0 && labels.every((l) => l === p);
    }, option);
    report.filteredEdgeLabels = await page.$$eval('g.edge', (es) => [...new Set(es.map((e) => e.getAttribute('data-label')))]);
    report.filteredNodes = await page.$$eval('g.node', (n) => n.length);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log(JSON.stringify(report));
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : String(err));
  process.exit(1);
});
