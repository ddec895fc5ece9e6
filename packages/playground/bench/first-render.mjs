// Benchmark: the playground's first render in headless Chromium from the loopback server, over fresh browser
// contexts (no cache), and the bytes fetched before it; then the site's file sizes (raw and gzip -9).
// Usage: node bench/first-render.mjs [runs=15] [--write]   (build first: npx nx run playground:build)
// --write replaces the "Playground" section of BENCHMARKS.md (between its markers) with these figures.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveStatic } from '../scripts/static-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const runs = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 15);
const write = args.includes('--write');
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
const ms = (value) => `${value.toFixed(0)} ms`;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const sizes = JSON.parse(readFileSync(join(root, 'dist', 'sizes.json'), 'utf8'));
const sum = (items, key) => items.reduce((total, item) => total + item[key], 0);
const javascript = sizes.filter((item) => item.file.endsWith('.js'));
const firstFiles = samples[0].files;
const lines = [
  '## Playground: first render and bundle size',
  '',
  `Measured by \`npx nx run playground:bench\` (packages/playground/bench/first-render.mjs) on ${new Date().toISOString().slice(0, 10)}: headless Chromium (Debian's \`chromium\`, playwright-core) loading the built site from the loopback server, ${runs} cold loads (a fresh browser context each, no cache). "First render" is the \`deputy:first-render\` performance mark (the snippet mode's four outputs drawn), from navigation start. Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}.`,
  '',
  'Goal: first render under 1 s.',
  '',
  '| first render | min | median | max | DOMContentLoaded (median) | fetched before first render |',
  '|---|---:|---:|---:|---:|---:|',
  `| snippet mode, ${runs} cold loads | ${ms(render[0])} | ${ms(median(render))} | ${ms(render.at(-1))} | ${ms(median(loaded))} | ${firstFiles} files, ${kb(samples[0].bytes)} (uncompressed) |`,
  '',
  '| site (dist/site, source maps excluded) | files | raw | gzip -9 |',
  '|---|---:|---:|---:|',
  `| everything | ${sizes.length} | ${kb(sum(sizes, 'raw'))} | ${kb(sum(sizes, 'gzip'))} |`,
  `| JavaScript | ${javascript.length} | ${kb(sum(javascript, 'raw'))} | ${kb(sum(javascript, 'gzip'))} |`,
  ...[...sizes].sort((a, b) => b.raw - a.raw).slice(0, 6).map((item) => `| \`${item.file.replace(/-[A-Z0-9]{8}\.js$/, '-*.js')}\` | 1 | ${kb(item.raw)} | ${kb(item.gzip)} |`),
  '',
  'The definition validator (policy-model\'s precompiled schema) and the YAML parser are fetched right after the first render, the linter and the Terraform parser (web-tree-sitter WASM) on first use; `iam-actions.json` (every IAM action name, for the definition checks) is fetched before it.',
  '',
];
const section = lines.join('\n');
console.log(section);
if (write) {
  const file = join(root, '..', '..', 'BENCHMARKS.md');
  const start = '<!-- playground:start -->';
  const end = '<!-- playground:end -->';
  const text = readFileSync(file, 'utf8');
  const block = `${start}\n${section}${end}\n`;
  const at = text.indexOf(start);
  const next = at < 0 ? `${text.replace(/\n*$/, '\n\n')}${block}` : `${text.slice(0, at)}${block}${text.slice(text.indexOf(end) + end.length + 1)}`;
  writeFileSync(file, next);
  console.log(`wrote the playground section of ${file}`);
}
