// Drives the kg explorer page in headless Chromium: run a query, expand a node, hover an edge, screenshot.
// Usage: node explorer.cjs URL SCREENSHOT.png   (Chromium from $KG_CHROMIUM, default /usr/bin/chromium)
// Prints a JSON report on stdout; exits non-zero when a step fails.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const [url, shot] = process.argv.slice(2);
if (!url || !shot) {
  console.error('usage: node explorer.cjs URL SCREENSHOT.png');
  process.exit(2);
}

async function main() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.KG_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 860 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const report = { rows: 0, nodesBefore: 0, nodesAfter: 0, tooltip: '', errors: [] };
  try {
    const page = context.pages()[0] || (await context.newPage());
    page.on('pageerror', (e) => report.errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') report.errors.push(m.text()); });
    page.setDefaultTimeout(20000);
    await page.goto(url);

    // The SPARQL editor: run a query, read the table.
    await page.fill('#query', 'SELECT DISTINCT ?entity ?label WHERE {\n  ?entity <http://www.w3.org/2000/01/rdf-schema#label> ?label\n}\nORDER BY ?label');
    await page.click('#run');
    await page.waitForFunction(() => /rows? in/.test(document.getElementById('status').textContent));
    report.rows = await page.$$eval('#results tr', (trs) => trs.length - 1);

    // The graph: the page opens on some entity; clear it, search one, pick it, then expand a neighbour.
    await page.waitForSelector('g.node');
    await page.click('#clear-graph');
    await page.fill('#entity-search', 'russ');
    await page.waitForSelector('#search-results li');
    await page.click('#search-results li');
    const russia = 'g.node[data-id="http://kg.test/e/russia"]';
    const crimea = 'g.node[data-id="http://kg.test/e/crimea"]';
    await page.waitForSelector(crimea);
    await page.waitForTimeout(1500); // let the layout settle before clicking a moving target
    report.nodesBefore = await page.$$eval('g.node', (n) => n.length);
    await page.click(crimea + ' circle', { force: true });
    await page.waitForSelector('g.node[data-id="http://kg.test/e/ukraine"]');
    report.nodesAfter = await page.$$eval('g.node', (n) => n.length);
    await page.waitForSelector(russia);

    // Hover the edge Russia -> Crimea: the tooltip shows its source sentence.
    await page.waitForTimeout(2500);
    const edge = await page.evaluateHandle(() => [...document.querySelectorAll('g.edge')]
      .find((g) => g.querySelector('text').textContent === 'controls'));
    const box = await (await edge.asElement().$('text')).boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForSelector('#tooltip:not([hidden])');
    report.tooltip = await page.textContent('#tooltip');
    await page.screenshot({ path: shot });
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
