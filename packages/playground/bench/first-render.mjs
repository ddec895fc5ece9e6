// Benchmark: the playground's first render in headless Chromium from the loopback server, over fresh browser
// contexts (no cache), and the bytes fetched before it; then the site's file sizes (raw and gzip -9).
// Usage: node bench/first-render.mjs [runs=15]   (build first: npx nx run playground:build)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveStatic } from '../scripts/static-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 15);
const server = await serveStatic(join(root, 'dist', 'site'), 0);
const browser = await chromium.launch({ executablePath: process.env.DEPUTY_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const samples = [];
try {
  for (let run = 0; run < runs; run += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector('html[data-ready="true"]');
    samples.push(
      await page.evaluate(() => {
        const firstRender = performance.getEntriesByName('deputy:first-render')[0].startTime;
        const navigation = performance.getEntriesByType('navigation')[0];
        const before = performance.getEntriesByType('resource').filter((entry) => entry.responseEnd <= firstRender);
        const bytes = navigation.encodedBodySize + before.reduce((sum, entry) => sum + entry.encodedBodySize, 0);
        return { firstRender, domContentLoaded: navigation.domContentLoadedEventEnd, bytes, files: before.length + 1 };
      }),
    );
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
const sorted = (key) => samples.map((sample) => sample[key]).sort((a, b) => a - b);
const median = (values) => values[Math.floor(values.length / 2)];
const render = sorted('firstRender');
const loaded = sorted('domContentLoaded');
console.log(`first render over ${runs} cold loads: min ${render[0].toFixed(0)} ms, median ${median(render).toFixed(0)} ms, max ${render.at(-1).toFixed(0)} ms (DOMContentLoaded median ${median(loaded).toFixed(0)} ms)`);
console.log(`fetched before first render: ${samples[0].files} files, ${samples[0].bytes} B (served uncompressed)`);

const sizes = JSON.parse(readFileSync(join(root, 'dist', 'sizes.json'), 'utf8'));
const sum = (items, key) => items.reduce((total, item) => total + item[key], 0);
const javascript = sizes.filter((item) => item.file.endsWith('.js'));
console.log(`site: ${sizes.length} files, ${sum(sizes, 'raw')} B raw, ${sum(sizes, 'gzip')} B gzip; JavaScript ${javascript.length} files, ${sum(javascript, 'raw')} B raw, ${sum(javascript, 'gzip')} B gzip`);
for (const item of [...sizes].sort((a, b) => b.raw - a.raw).slice(0, 8)) console.log(`  ${item.file.padEnd(48)} ${String(item.raw).padStart(8)} B  gzip ${String(item.gzip).padStart(7)} B`);
