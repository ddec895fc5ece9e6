#!/usr/bin/env node
/**
 * Benchmark: `deputy lint` on generated inputs, each run in a fresh node process (run the build first; this
 * reads the built dist). Shapes:
 *
 *   tf        N Terraform files (default 1,000) cycling through the corpus's Terraform files — jsonencode,
 *             aws_iam_policy_document, heredocs, Lambda permissions, variables, dynamic blocks — each made
 *             unique by a label suffix, 50 files a directory
 *   cfn-json  one CloudFormation JSON template of about M MB (default 38): nine resources in ten without a
 *             policy (functions, tables, queues, log groups), one in ten an IAM role, bucket or queue policy
 *             or Lambda permission cycling through the corpus's templates
 *   cfn-yaml  the same template written as YAML
 *
 *   node bench/lint-bench.mjs [--shape tf|cfn-json|cfn-yaml] [--files 1000] [--mb 38] [--runs 5] [--keep dir]
 *
 * `--keep dir` writes the inputs there and leaves them (to profile with `node --cpu-prof`).
 *
 * Reports the in-process time of lint() (parser start-up included), the import time, the whole process wall
 * time and the peak RSS, as median and max over the runs. Not a test: nothing fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const argument = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : fallback;
};
const SHAPE = argument('--shape', 'tf');
const FILES = Number(argument('--files', 1000));
const MEGABYTES = Number(argument('--mb', 38));
const RUNS = Number(argument('--runs', 5));
const KEEP = argument('--keep', undefined);

function corpusFiles(roots, suffix) {
  return roots.flatMap((root) =>
    readdirSync(join(PACKAGE_DIR, root))
      .filter((name) => name.endsWith(suffix))
      .sort()
      .map((name) => readFileSync(join(PACKAGE_DIR, root, name), 'utf8')),
  );
}

function writeTerraform(directory) {
  const sources = corpusFiles(['test/corpus/generated/tf-jsonencode', 'test/corpus/generated/tf-policy-document', 'test/corpus/generated/tf-heredoc', 'test/corpus/generated/lambda-permission', 'test/corpus/realistic/terraform'], '.tf');
  let bytes = 0;
  for (let index = 0; index < FILES; index++) {
    const text = sources[index % sources.length].replace(/^(resource|data) "([^"]+)" "([^"]+)"/gm, `$1 "$2" "$3_${index}"`);
    const module = join(directory, `module-${Math.floor(index / 50)}`);
    mkdirSync(module, { recursive: true });
    writeFileSync(join(module, `file-${index}.tf`), text);
    bytes += Buffer.byteLength(text);
  }
  return `${FILES} Terraform files (${(bytes / 1024).toFixed(0)} KiB)`;
}

/** Resources with no policy, as most of a large template is: functions, tables, queues, buckets, log groups. */
function fillerResource(index) {
  const kinds = [
    { Type: 'AWS::Lambda::Function', Properties: { FunctionName: `fn-${index}`, Runtime: 'nodejs20.x', Handler: 'index.handler', MemorySize: 256, Timeout: 30, Role: { 'Fn::GetAtt': [`Role${index}`, 'Arn'] }, Code: { S3Bucket: 'artifacts', S3Key: `fn-${index}.zip` }, Environment: { Variables: { TABLE: { Ref: `Table${index}` }, STAGE: 'prod', LOG_LEVEL: 'info' } }, Tags: [{ Key: 'team', Value: 'payments' }, { Key: 'cost-center', Value: '1234' }] } },
    { Type: 'AWS::DynamoDB::Table', Properties: { TableName: `table-${index}`, BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }], PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } } },
    { Type: 'AWS::SQS::Queue', Properties: { QueueName: `queue-${index}`, VisibilityTimeout: 60, RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [`Dlq${index}`, 'Arn'] }, maxReceiveCount: 5 } } },
    { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: { 'Fn::Sub': `/aws/lambda/fn-${index}` }, RetentionInDays: 30 } },
  ];
  return kinds[index % kinds.length];
}

/** A template of about --mb MB (as written): one resource in ten holds a policy, cycling through the corpus's templates. */
function writeTemplate(directory, format) {
  const templates = corpusFiles(['test/corpus/generated/cfn-json'], '.json').map((text) => JSON.parse(text));
  const resources = {};
  let size = 0;
  const target = MEGABYTES * 1024 * 1024;
  for (let index = 0; size < target; index++) {
    if (index % 10 === 0) {
      const template = templates[(index / 10) % templates.length];
      for (const [name, resource] of Object.entries(template.Resources)) {
        resources[`${name}${index}`] = resource;
        size += JSON.stringify(resource, null, 8).length * 0.675;
      }
    } else {
      const resource = fillerResource(index);
      resources[`Resource${index}`] = resource;
      size += JSON.stringify(resource, null, 8).length * 0.675;
    }
  }
  const template = { AWSTemplateFormatVersion: '2010-09-09', Resources: resources };
  const text = format === 'json' ? JSON.stringify(template, null, 2) : stringify(template, { version: '1.1', lineWidth: 0, aliasDuplicateObjects: false });
  const path = join(directory, format === 'json' ? 'big.template.json' : 'big.template.yaml');
  writeFileSync(path, text);
  return `one CloudFormation ${format.toUpperCase()} template of ${(Buffer.byteLength(text) / 1024 / 1024).toFixed(1)} MB (${Object.keys(resources).length} resources)`;
}

const directory = KEEP ?? mkdtempSync(join(tmpdir(), 'deputy-lint-bench-'));
if (KEEP) mkdirSync(KEEP, { recursive: true });
try {
  const description = SHAPE === 'tf' ? writeTerraform(directory) : SHAPE === 'cfn-json' ? writeTemplate(directory, 'json') : SHAPE === 'cfn-yaml' ? writeTemplate(directory, 'yaml') : undefined;
  if (description === undefined) throw new Error(`unknown --shape ${SHAPE} (tf, cfn-json or cfn-yaml)`);
  const script = `
    const started = performance.now();
    const { lint } = await import(${JSON.stringify(join(PACKAGE_DIR, 'dist/index.js'))});
    const imported = performance.now();
    const result = await lint([${JSON.stringify(directory)}]);
    const done = performance.now();
    console.log(JSON.stringify({ importMs: imported - started, lintMs: done - imported, rssMb: process.resourceUsage().maxRSS / 1024, cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000, files: result.files.length, policies: result.policyCount, findings: result.findings.length + result.suppressed.length, unreadable: (result.unreadable ?? []).length }));
  `;
  const runs = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script, ...process.argv.filter((arg) => arg.startsWith('--cpu-prof'))], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    const wallMs = performance.now() - started;
    if (child.status !== 0) throw new Error(child.stderr);
    runs.push({ ...JSON.parse(child.stdout), wallMs });
  }
  const stat = (key, unit = 'ms') => {
    const values = runs.map((run) => run[key]).sort((a, b) => a - b);
    return `median ${values[Math.floor(values.length / 2)].toFixed(0)} ${unit}, max ${values[values.length - 1].toFixed(0)} ${unit}`;
  };
  const [first] = runs;
  console.log(`deputy lint benchmark: ${description}; ${first.files} files read, ${first.policies} policies, ${first.findings} findings, ${first.unreadable} unreadable; ${RUNS} runs, each in a fresh node process`);
  console.log(`  lint() incl. parser start-up: ${stat('lintMs')}`);
  console.log(`  import of @deputy/lint:       ${stat('importMs')}`);
  console.log(`  whole process (node start-up, import, lint, exit): ${stat('wallMs')}`);
  console.log(`  CPU time of the process, all threads (user + system; steadier than wall time on a busy machine): ${stat('cpuMs')}`);
  console.log(`  peak RSS: ${stat('rssMb', 'MB')}`);
  console.log(`  load average when done: ${loadavg().map((load) => load.toFixed(1)).join(' ')} on ${availableParallelism()} CPUs`);
} finally {
  if (!KEEP) rmSync(directory, { recursive: true, force: true });
}
