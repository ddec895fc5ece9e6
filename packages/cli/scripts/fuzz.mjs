// `npm run fuzz`: the all-targets property test at scale. Runs DEPUTY_FUZZ_TOTAL cases (default 100,000), half
// random models and half random literal policies, split over one vitest process per core, each with its own
// seed, printed so that any failure can be replayed with DEPUTY_FUZZ_SEED / DEPUTY_FUZZ_PROPERTY / DEPUTY_FUZZ_RUNS.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..');
const total = Number(process.env.DEPUTY_FUZZ_TOTAL ?? 100_000);
const workers = Math.max(1, availableParallelism());
const baseSeed = Number(process.env.DEPUTY_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const jobs = ['models', 'policies'].flatMap((property, p) =>
  Array.from({ length: workers }, (_, w) => ({ property, runs: Math.ceil(total / 2 / workers), seed: (baseSeed + p * workers + w) % 2 ** 31 })),
);
console.log(`fuzz: ${total} cases (${jobs.map((job) => `${job.property}×${job.runs} seed ${job.seed}`).join(', ')}), ${workers} at a time`);

const started = Date.now();
const results = [];
async function runJob(job) {
  const began = Date.now();
  const child = spawn(process.execPath, [join(cli, '..', '..', 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'test/all-targets.property.test.ts', '--reporter=dot', '--outputFile.json=/dev/null'], {
    cwd: cli,
    env: { ...process.env, DEPUTY_FUZZ_PROPERTY: job.property, DEPUTY_FUZZ_RUNS: String(job.runs), DEPUTY_FUZZ_SEED: String(job.seed) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise((resolve) => child.on('exit', resolve));
  const seconds = ((Date.now() - began) / 1000).toFixed(0);
  results.push({ ...job, code, seconds });
  console.log(`${job.property} ×${job.runs} seed ${job.seed}: ${code === 0 ? 'passed' : 'FAILED'} in ${seconds} s`);
  if (code !== 0) console.log(output.slice(-6000));
}
const queue = [...jobs];
await Promise.all(Array.from({ length: workers }, async () => {
  while (queue.length > 0) await runJob(queue.shift());
}));
const failed = results.filter((result) => result.code !== 0);
console.log(`fuzz: ${results.reduce((sum, r) => sum + r.runs, 0)} cases, ${failed.length === 0 ? '0 divergences' : `${failed.length} failing jobs`}, ${((Date.now() - started) / 60000).toFixed(1)} min`);
process.exit(failed.length === 0 ? 0 : 1);
