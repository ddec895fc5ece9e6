// `npm run bench`: whole-process benchmarks of deputy against a bare write floor, cdktf and AWS CDK, written to
// BENCHMARKS.md with the machine, the method and medians. Not a test: nothing here fails on a slow machine.
// Usage: node packages/cli/bench/run-benchmarks.mjs [--quick]
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus, totalmem, tmpdir } from 'node:os';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..', '..');
/** The deputy binary; DEPUTY_BENCH_BIN points at another build (e.g. a copy that other builds cannot touch mid-run). */
const bin = process.env.DEPUTY_BENCH_BIN ?? join(root, 'packages', 'cli', 'bin', 'deputy.js');
const quick = process.argv.includes('--quick');
const work = mkdtempSync(join(tmpdir(), 'deputy-bench-'));
const results = [];

/**
 * Moves a run's output out of the way before the next run, instead of deleting it; everything goes with the
 * work directory at the end. On an ext4 without a journal (this VM's root file system), for 1–6 minutes after a
 * deletion, allocating an inode steps over every recently deleted inode of its group (`find_inode_bit` →
 * `recently_deleted`: most of the floor's time in `perf` after an `rm -rf` of the previous run's 4,006
 * files). Deleting between runs had made creating a file cost 0.1–0.25 ms instead of ~0.03 ms, by an amount
 * that depended on what the run before had deleted: the bench measured its own deletions, on both sides. A
 * rename frees no inode.
 */
let setAsideCount = 0;
function setAside(path) {
  if (existsSync(path)) renameSync(path, `${path}.set-aside-${setAsideCount++}`);
}

/** CPU time (user + system) of the last {@link time} call's runs, median in ms; undefined without /usr/bin/time. */
let lastCpu;
const TIME_BIN = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/**
 * Runs a command `runs` times; returns the median wall time in ms (and checks it succeeded). The median CPU
 * time of the same runs (user + system, children included, from /usr/bin/time) is left in `lastCpu`: on a
 * shared machine it moves far less than wall time, so the reports give both.
 */
function time(label, command, args, { runs = 5, cwd = work, before } = {}) {
  const samples = [];
  const cpuSamples = [];
  for (let run = 0; run < runs; run++) {
    before?.();
    const { elapsed, cpu } = runOnce(label, command, args, cwd);
    samples.push(elapsed);
    if (cpu !== undefined) cpuSamples.push(cpu);
  }
  return reportTimes(label, samples, cpuSamples, runs);
}

/**
 * Two commands timed in alternation, run by run (A, B, A, B…), so that both meet the same state of the
 * machine (a shared VM's load, the page cache); timing all runs of one command before the other's compared two
 * different machines. Returns both medians (CPU medians in `.cpu`).
 */
function timeAlternating(first, second, { runs = 5, cwd = work, before } = {}) {
  const samples = [[], []];
  const cpuSamples = [[], []];
  for (let run = 0; run < runs; run++) {
    [first, second].forEach(({ label, command, args }, index) => {
      before?.();
      const { elapsed, cpu } = runOnce(label, command, args, cwd);
      samples[index].push(elapsed);
      if (cpu !== undefined) cpuSamples[index].push(cpu);
    });
  }
  const a = { wall: reportTimes(first.label, samples[0], cpuSamples[0], runs), cpu: lastCpu };
  const b = { wall: reportTimes(second.label, samples[1], cpuSamples[1], runs), cpu: lastCpu };
  return [a, b];
}

/** One run of a command: wall time and, from /usr/bin/time, CPU time (user + system) in ms. */
function runOnce(label, command, args, cwd) {
  const started = performance.now();
  const result = TIME_BIN
    ? spawnSync(TIME_BIN, ['-f', 'deputy-bench-cpu %U %S', command, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const elapsed = performance.now() - started;
  const cpuLine = /deputy-bench-cpu ([\d.]+) ([\d.]+)\s*$/.exec(result.stderr ?? '');
  const stderr = cpuLine ? result.stderr.slice(0, cpuLine.index) : result.stderr;
  if (result.status !== 0) throw new Error(`${label} failed (${result.status}): ${stderr.slice(0, 2000)}`);
  return { elapsed, cpu: cpuLine ? (Number(cpuLine[1]) + Number(cpuLine[2])) * 1000 : undefined };
}

/** Prints and returns the median wall time; leaves the median CPU time in `lastCpu`. */
function reportTimes(label, samples, cpuSamples, runs) {
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  lastCpu = cpuSamples.length === runs ? median(cpuSamples) : undefined;
  console.log(`${label}: median ${median(samples).toFixed(0)} ms over ${runs} runs${lastCpu === undefined ? '' : ` (CPU ${lastCpu.toFixed(0)} ms)`}`);
  return median(samples);
}

/** Peak resident set size of a command, in MB, from /usr/bin/time. */
function peakRss(command, args, cwd = work) {
  const result = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`rss run failed: ${result.stderr.slice(-2000)}`);
  return Number(result.stderr.trim().split('\n').pop()) / 1024;
}

function listFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

// Inputs: N policies, cycling through the round-trip set with a distinct account ID each.
const policyDir = join(root, 'packages', 'policy-model', 'fixtures', 'policies');
const policies = readdirSync(policyDir).filter((name) => name.endsWith('.json')).map((name) => readFileSync(join(policyDir, name), 'utf8'));
function makePolicies(count) {
  const dir = join(work, `policies-${count}`);
  mkdirSync(dir, { recursive: true });
  for (let index = 0; index < count; index++) {
    const account = String(index).padStart(12, '0');
    writeFileSync(join(dir, `p-${String(index).padStart(5, '0')}.json`), policies[index % policies.length].replaceAll(/\d{12}/g, account));
  }
  return dir;
}
function makeDefinitions(count, rolesPerDefinition = 1) {
  const dir = join(work, `definitions-${count}x${rolesPerDefinition}`);
  mkdirSync(dir, { recursive: true });
  for (let index = 0; index < count; index++) {
    const roles = Array.from({ length: rolesPerDefinition }, (_, role) => `  - name: personalize-role-${index}-${role}\n    trustedServices:\n      - service: personalize\n`).join('');
    writeFileSync(join(dir, `d-${String(index).padStart(5, '0')}.yaml`), `roles:\n${roles}`);
  }
  return dir;
}

// The AWS-documented policies of /work/shared/aws-docs-corpus.json (trust and resource), each made distinct:
// its own account ID in place of every 12-digit number and of the docs' placeholders (accountNumber,
// 111122223333, …), a numbered suffix on bucket, topic and queue names. Entries deputy cannot convert as
// they are (fragments, placeholders in the wrong place) are left out once, before timing.
const CORPUS = process.env.DEPUTY_DOCS_CORPUS ?? '/work/shared/aws-docs-corpus.json';
function corpusPolicies() {
  if (!existsSync(CORPUS)) return undefined;
  const entries = JSON.parse(readFileSync(CORPUS, 'utf8')).filter((entry) => !entry.fragment && entry.policy);
  const probe = join(work, 'corpus-probe');
  mkdirSync(probe, { recursive: true });
  return entries.filter((entry) => {
    const file = join(probe, `${entry.id}.json`);
    writeFileSync(file, variedPolicyText(entry, 0));
    const result = spawnSync(process.execPath, [bin, 'convert', file, '--target', 'all', '--out-dir', join(probe, 'out')], { encoding: 'utf8' });
    if (result.status !== 0 && result.status !== 2) throw new Error(`convert of ${entry.id} crashed (${result.status}): ${result.stderr.slice(0, 2000)}`);
    return result.status === 0;
  });
}
function variedPolicyText(entry, index) {
  const account = String(100000000000 + index);
  return JSON.stringify(entry.policy, null, 2)
    .replaceAll(/\b\d{12}\b/g, account)
    .replaceAll(/\b(accountNumber|account-id|AccountId|ACCOUNT-ID|account_id)\b/g, account)
    .replaceAll(/(arn:aws:(?:s3|sns|sqs):[^"]*?)(DOC-EXAMPLE-BUCKET|amzn-s3-demo-bucket|my-bucket|MyTopic|my-topic|MyQueue|my-queue)/g, `$1$2-${index}`);
}
function makeCorpusPolicies(count, entries) {
  const dir = join(work, `corpus-${count}`);
  mkdirSync(dir, { recursive: true });
  for (let index = 0; index < count; index++) {
    const entry = entries[index % entries.length];
    writeFileSync(join(dir, `${entry.id}-${String(index).padStart(5, '0')}.json`), variedPolicyText(entry, index));
  }
  return dir;
}
/** One definition with N roles, each trusted by a catalog service (Personalize) and holding one inline policy; YAML or JSON. */
function makeRolesDefinition(count, format) {
  const dir = join(work, `roles-${count}-${format}`);
  mkdirSync(dir, { recursive: true });
  const roles = Array.from({ length: count }, (_, index) => ({
    name: `personalize-role-${index}`,
    trustedServices: [{ service: 'personalize' }],
    inlinePolicies: [
      {
        name: 'read',
        document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: [`arn:aws:s3:::training-${index}`, `arn:aws:s3:::training-${index}/*`] }] },
      },
    ],
  }));
  if (format === 'json') {
    writeFileSync(join(dir, 'roles.json'), `${JSON.stringify({ version: 1, roles }, null, 2)}\n`);
    return dir;
  }
  const yaml = roles.map((role) => [
    `  - name: ${role.name}`,
    '    trustedServices:',
    '      - service: personalize',
    '    inlinePolicies:',
    '      - name: read',
    `        document: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: ["s3:GetObject", "s3:ListBucket"], Resource: ${JSON.stringify(role.inlinePolicies[0].document.Statement[0].Resource)} }] }`,
  ].join('\n'));
  writeFileSync(join(dir, 'roles.yaml'), `version: 1\nroles:\n${yaml.join('\n')}\n`);
  return dir;
}

// 1. convert N policies into every target, against the write floor: the round-trip set, and varied
// AWS-documented policies (trust and resource) into all four targets.
const corpus = corpusPolicies();
const convertRuns = [
  ...(corpus ? [{ shape: `AWS-documented (${corpus.length} distinct, varied)`, count: 1000, targets: 'all', make: (count) => makeCorpusPolicies(count, corpus) }] : []),
  { shape: 'round-trip set', count: 1000, targets: 'json,hcl,cfn', make: makePolicies },
  { shape: 'round-trip set', count: 1000, targets: 'all', make: makePolicies },
  ...(quick ? [] : [{ shape: 'round-trip set', count: 10000, targets: 'json,hcl,cfn', make: makePolicies }]),
];
if (!corpus) console.log(`notice: ${CORPUS} not found; the AWS-documented convert shape is skipped`);
for (const { shape, count, targets, make } of convertRuns) {
  const inputs = make(count);
  const out = join(work, `convert-out-${count}-${targets.replaceAll(',', '-')}`);
  results.push(convertAgainstFloor({ shape, count, targets, inputs, out, disk: 'disk' }));
  // The same run with the output on tmpfs, where creating a file costs almost nothing: deputy's own work
  // (start-up, reading, rendering, planning) against the floor's, whatever the disk. A diagnostic, not the goal.
  if (shape.startsWith('AWS-documented') && existsSync('/dev/shm')) {
    const memoryOut = mkdtempSync(join('/dev/shm', 'deputy-bench-'));
    try {
      results.push(convertAgainstFloor({ shape, count, targets, inputs, out: join(memoryOut, 'out'), disk: 'tmpfs' }));
    } finally {
      rmSync(memoryOut, { recursive: true, force: true });
    }
  }
}

/** `deputy convert` of every input into `out`, alternated with the write floor writing the same files there. */
function convertAgainstFloor({ shape, count, targets, inputs, out, disk }) {
  const args = [bin, 'convert', ...readdirSync(inputs).map((name) => join(inputs, name)), '--target', targets, '--out-dir', out];
  const clean = () => setAside(out);
  clean();
  runOnce('convert (to make the floor)', process.execPath, args, work);
  const bundle = join(work, `floor-${count}-${disk}.json`);
  writeFileSync(bundle, JSON.stringify(Object.fromEntries(listFiles(out).map((file) => [file, readFileSync(file, 'utf8')]))));
  const fileCount = listFiles(out).length;
  const [deputy, floor] = timeAlternating(
    { label: `convert ${count} ${shape} policies → ${targets} (${disk})`, command: process.execPath, args },
    { label: `write floor for the same ${fileCount} files (${disk})`, command: process.execPath, args: [join(here, 'write-floor.mjs'), bundle] },
    { runs: count >= 10000 ? 3 : 5, before: clean },
  );
  clean();
  return { section: 'convert', shape, count, targets, disk, files: fileCount, deputy: deputy.wall, floor: floor.wall, ratio: deputy.wall / floor.wall, cpuRatio: cpuRatio(deputy.cpu, floor.cpu) };
}

/** A ratio of two CPU times, when both were measured. */
function cpuRatio(numerator, denominator) {
  return numerator === undefined || denominator === undefined ? undefined : numerator / denominator;
}

// 2 and 3. One definition with N roles, each with a catalog service trust and one inline policy: deputy's
// HCL and Terraform JSON against a plain cdktf app, and deputy's CloudFormation against AWS CDK, for the same
// roles and policies, side by side in one run. The definition is timed as YAML and as JSON (same model).
const roleSizes = quick ? [1000] : [100, 1000];
for (const count of roleSizes) {
  const out = join(work, `tf-${count}`);
  const clean = () => setAside(out);
  const cdktf = time(`cdktf synth ${count} roles + inline policies`, process.execPath, [join(here, 'cdktf-roles.mjs'), String(count), join(work, `cdktf-${count}`), '--inline'], { runs: 3, cwd: root });
  const cdktfCpu = lastCpu;
  const awsCdk = time(`aws-cdk-lib synth ${count} roles + inline policies`, process.execPath, [join(here, 'aws-cdk-roles.mjs'), String(count), join(work, `awscdk-${count}`), '--inline'], { runs: 3, cwd: root });
  const awsCdkCpu = lastCpu;
  for (const format of ['yaml', 'json']) {
    const definitions = makeRolesDefinition(count, format);
    const emit = (target) => [bin, 'emit', definitions, '--target', target, '--out-dir', out];
    const hcl = time(`deputy emit ${count} roles (${format}) → hcl`, process.execPath, emit('hcl'), { runs: 5, before: clean });
    const hclCpu = lastCpu;
    const tfJson = time(`deputy emit ${count} roles (${format}) → tf-json`, process.execPath, emit('tf-json'), { runs: 5, before: clean });
    const cfn = time(`deputy emit ${count} roles (${format}) → cfn`, process.execPath, emit('cfn'), { runs: 5, before: clean });
    const cfnCpu = lastCpu;
    results.push({ section: 'terraform', count, format, hcl, tfJson, cdktf, speedup: cdktf / hcl, cpuSpeedup: cpuRatio(cdktfCpu, hclCpu) });
    results.push({ section: 'cloudformation', count, format, cfn, awsCdk, speedup: awsCdk / cfn, cpuSpeedup: cpuRatio(awsCdkCpu, cfnCpu) });
  }
}

// 3. Cold start of a snippet against node itself.
const nodeStart = time('node -e 0', process.execPath, ['-e', '0'], { runs: 15 });
const nodeStartCpu = lastCpu;
const snippetArgs = ['snippet', '--service', 'personalize', '--account', '123456789012', '--region', 'us-east-1'];
for (const target of ['json', 'hcl', 'cfn']) {
  const snippet = time(`deputy snippet --target ${target}`, process.execPath, [bin, ...snippetArgs, '--target', target], { runs: 15 });
  results.push({ section: 'snippet', target, snippet, nodeStart, ratio: snippet / nodeStart, cpuRatio: cpuRatio(lastCpu, nodeStartCpu) });
}

// 4. Scaling and memory: N definitions (one role each) into json, hcl and cfn.
const scaleSizes = quick ? [100, 1000] : [100, 1000, 10000];
for (const count of scaleSizes) {
  const definitions = makeDefinitions(count);
  const out = join(work, `scale-${count}`);
  const clean = () => setAside(out);
  const args = [bin, 'emit', definitions, '--target', 'json,hcl,cfn', '--out-dir', out, '--set', 'account=123456789012', '--set', 'region=us-east-1', '--set', 'partition=aws'];
  const elapsed = time(`emit ${count} definitions → json,hcl,cfn`, process.execPath, args, { runs: count >= 10000 ? 3 : 5, before: clean });
  clean();
  const rss = peakRss(process.execPath, args);
  results.push({ section: 'scale', count, elapsed, perDefinition: elapsed / count, rss });
}

rmSync(work, { recursive: true, force: true });
writeFileSync(join(root, 'BENCHMARKS.md'), report(results) + notes() + markedSections(join(root, 'BENCHMARKS.md')));
console.log(`wrote ${relative(process.cwd(), join(root, 'BENCHMARKS.md'))}`);

/** Sections other benchmarks own (`<!-- name:start -->` … `<!-- name:end -->`: playground, lint) are kept as they are. */
function markedSections(path) {
  if (!existsSync(path)) return '';
  const sections = readFileSync(path, 'utf8').match(/<!-- ([\w-]+):start -->[\s\S]*?<!-- \1:end -->/g) ?? [];
  return sections.map((section) => `\n${section}\n`).join('');
}

function report(rows) {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const versions = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
  const ms = (value) => `${value.toFixed(0)} ms`;
  const times = (value) => `${value.toFixed(2)}×`;
  const cpuTimes = (value) => (value === undefined ? 'n/a' : times(value));
  const section = (name) => rows.filter((row) => row.section === name);
  const lines = [
    '# Benchmarks',
    '',
    `Generated by \`npm run bench\`${quick ? ' --quick' : ''} on ${new Date().toISOString().slice(0, 10)}. Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; cdktf ${versions('cdktf')}, aws-cdk-lib ${versions('aws-cdk-lib')}.`,
    '',
    'Method: every figure is the median wall time of a whole process (`node packages/cli/bin/deputy.js …`, spawned fresh each run,',
    "the previous run's output renamed aside before each run, nothing deleted until the end), so start-up, module loading, parsing, emitting and writing are all counted.",
    'Peak memory is the maximum resident set size reported by `/usr/bin/time -f %M`. The "CPU time" columns are the same ratios over the',
    'median user + system CPU time of the same runs (`/usr/bin/time -f "%U %S"`): on a machine shared with other work they move far less than wall time.',
    '',
    '## convert: N policies into every target, against a bare write floor',
    '',
    'The floor is a bare `node` process that writes the same bytes to the same paths (`bench/write-floor.mjs`). deputy and the floor run in alternation, run by run (5 runs each; 3 at 10,000), so both meet the same state of the disk. Goal: ≤ 1.5× the floor.',
    '',
    '| policies | shape | targets | files written | deputy | floor | floor per file | deputy / floor | same, CPU time |',
    '|---:|---|---|---:|---:|---:|---:|---:|---:|',
    ...section('convert').filter((row) => row.disk === 'disk').map((row) => `| ${row.count} | ${row.shape} | ${row.targets} | ${row.files} | ${ms(row.deputy)} | ${ms(row.floor)} | ${(row.floor / row.files).toFixed(3)} ms | ${times(row.ratio)} | ${cpuTimes(row.cpuRatio)} |`),
    '',
    '"floor per file" is the floor\'s wall time over the files it writes, start-up included: it shows how fast this disk created files during the run, which sets how much of deputy\'s own work the floor leaves room for.',
    '',
    ...slowDiskWarning(section('convert').filter((row) => row.disk === 'disk')),
    ...(section('convert').some((row) => row.disk === 'tmpfs')
      ? [
          '**Diagnostic, not a goal: the first row again with the output on tmpfs** (`/dev/shm`), where creating a file costs almost nothing. The floor is then little more than `node` starting, so the ratio shows deputy\'s own work (start-up, reading, rendering, planning) against a bare process; on a disk, that work overlaps the writing.',
          '',
          '| policies | shape | targets | files written | deputy | floor | deputy / floor | same, CPU time |',
          '|---:|---|---|---:|---:|---:|---:|---:|',
          ...section('convert').filter((row) => row.disk === 'tmpfs').map((row) => `| ${row.count} | ${row.shape} | ${row.targets} | ${row.files} | ${ms(row.deputy)} | ${ms(row.floor)} | ${times(row.ratio)} | ${cpuTimes(row.cpuRatio)} |`),
          '',
        ]
      : []),
    '## Terraform: deputy against cdktf, one definition of N roles (a catalog service trust and one inline policy each)',
    '',
    'cdktf baseline: `bench/cdktf-roles.mjs --inline`, raw `TerraformResource` roles with `Fn.jsonencode` trust policies carrying the same conditions, one `aws_iam_role_policy` each, and the same data sources. deputy reads the definition as YAML or as JSON (the same model). Goal: deputy hcl ≥ 2× faster.',
    '',
    '| roles | definition | deputy hcl | deputy tf-json | cdktf synth | speed-up (cdktf / hcl) | same, CPU time |',
    '|---:|---|---:|---:|---:|---:|---:|',
    ...section('terraform').map((row) => `| ${row.count} | ${row.format} | ${ms(row.hcl)} | ${ms(row.tfJson)} | ${ms(row.cdktf)} | ${times(row.speedup)} | ${cpuTimes(row.cpuSpeedup)} |`),
    '',
    '## CloudFormation: deputy against AWS CDK, the same N roles and inline policies',
    '',
    "AWS CDK baseline: `bench/aws-cdk-roles.mjs --inline`, `iam.Role` with a `ServicePrincipal` carrying the same conditions and one inline policy each; CloudFormation's 500-resource limit, which the CDK enforces at synthesis, is lifted for both sides. Goal: deputy ≥ 10× faster.",
    '',
    '| roles | definition | deputy cfn | aws-cdk-lib synth | speed-up | same, CPU time |',
    '|---:|---|---:|---:|---:|---:|',
    ...section('cloudformation').map((row) => `| ${row.count} | ${row.format} | ${ms(row.cfn)} | ${ms(row.awsCdk)} | ${times(row.speedup)} | ${cpuTimes(row.cpuSpeedup)} |`),
    '',
    '## Cold start: `deputy snippet` against `node -e 0`',
    '',
    'Goal: ≤ 2× `node -e 0`.',
    '',
    '| target | deputy snippet | node -e 0 | ratio | same, CPU time |',
    '|---|---:|---:|---:|---:|',
    ...section('snippet').map((row) => `| ${row.target} | ${ms(row.snippet)} | ${ms(row.nodeStart)} | ${times(row.ratio)} | ${cpuTimes(row.cpuRatio)} |`),
    '',
    '## Scaling and memory: N definitions (one role each) into json, hcl and cfn',
    '',
    'Goal: linear cost; 10,000 definitions in under 200 MB RSS.',
    '',
    '| definitions | wall time | per definition | peak RSS |',
    '|---:|---:|---:|---:|',
    ...section('scale').map((row) => `| ${row.count} | ${ms(row.elapsed)} | ${row.perDefinition.toFixed(2)} ms | ${row.rss.toFixed(0)} MB |`),
    '',
  ];
  return lines.join('\n');
}

/**
 * Undisturbed, this VM's disk lets the floor write a file in 0.035–0.05 ms, start-up included (session 7's
 * runs). Above 0.06 ms, the file system was busy from the minutes before: a large deletion (on a journal-less
 * ext4, each new inode then steps over the recently deleted ones: notes, "Session 7") or a large write still
 * being flushed. The floor is then inflated and the ratios understate deputy's own cost. Says so under the
 * table rather than leaving the reader to notice.
 */
function slowDiskWarning(rows, slowFloorPerFileMs = 0.06) {
  const slow = rows.filter((row) => row.floor / row.files > slowFloorPerFileMs);
  if (slow.length === 0) return [];
  const worst = Math.max(...slow.map((row) => row.floor / row.files));
  return [
    `**This run's disk was slow** (the floor took up to ${worst.toFixed(3)} ms a file, against 0.035–0.05 ms undisturbed): files were probably deleted or written in bulk on this file system in the minutes before. Those rows' ratios understate deputy's own cost; rerun after a few quiet minutes.`,
    '',
  ];
}

/** The hand-written explanation kept beside the script (`bench/benchmarks-notes.md`), appended to every report. */
function notes() {
  const file = join(here, 'benchmarks-notes.md');
  return existsSync(file) ? `\n${readFileSync(file, 'utf8')}` : '';
}
