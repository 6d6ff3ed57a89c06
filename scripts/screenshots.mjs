// Makes the pictures in docs/formats.md of the HTML reports: each report rendered by the built tool, opened
// in Debian's Chromium (playwright-core), and its first screen saved under docs/images/.
// Run: npm run build && node scripts/screenshots.mjs
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const REPORTS = {
  evaluate: ['evaluate'],
  compare: ['compare', '-m', 'lewis-2015', 'us-china-2013-06', 'us-china-2015-09', 'us-china-2017-04', 'us-china-2023-11'],
  timeline: ['timeline', '-m', 'lewis-2015', 'us-china-2015-09'],
  grid: ['evaluate', 'us-china-2015-09', '-m', 'g20-compliance'],
  sensitivity: ['sensitivity', '-m', 'lewis-2015', 'us-china-2015-09', 'us-china-2013-06'],
};
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const work = mkdtempSync(join(tmpdir(), 'summit-screens-'));
mkdirSync('docs/images', { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
for (const [name, argv] of Object.entries(REPORTS)) {
  const file = join(work, `${name}.html`);
  writeFileSync(file, execFileSync(process.execPath, ['bin/summit-score.js', ...argv, '-f', 'html']));
  const page = await browser.newPage({ viewport: { width: 1000, height: 1100 } });
  await page.route('**/*', (route) => (route.request().url() === pathToFileURL(file).href ? route.continue() : route.abort()));
  await page.goto(pathToFileURL(file).href);
  await page.screenshot({ path: `docs/images/html-${name}.png` });
  await page.close();
  console.log(`docs/images/html-${name}.png`);
}
await browser.close();
