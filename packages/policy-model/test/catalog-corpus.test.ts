/**
 * The catalog against AWS's own examples: for every policy in ../shared/aws-docs-corpus.json whose service
 * principals map to a catalog entry, the catalog's keys agree with the keys the example uses. Genuine
 * disagreements are listed by name below with a reason; the test fails when the list is stale too.
 *
 * The corpus lives outside the repository (<repo root>/../shared). Without it the test is skipped with a
 * printed notice, unless DEPUTY_REQUIRE_EXTERNAL_VALIDATORS=1 or CI=true, where its absence fails.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { findService, integrationFor, integrationKindOfResourceType, keysSentIn, operatorAcceptsValue, requiredKeys, splitArn } from '../src/catalog/service-catalog.js';
import type { PrincipalUsage } from '../src/catalog/service-catalog.js';
import type { IntegrationKind, ServiceCatalogEntry } from '../src/catalog/service-catalog-entry.js';
import { ORGANIZATION_KEYS } from '../src/catalog/service-catalog-entry.js';
import { parseConditionOperator } from '../src/policy/condition-operators.js';
import type { LiteralPolicyDocument, Statement } from '../src/policy/policy-document.js';
import { listOf, statementsOf } from '../src/policy/policy-document.js';

const corpusPath = fileURLToPath(new URL('../../../../shared/aws-docs-corpus.json', import.meta.url));
const corpusPresent = existsSync(corpusPath);
const externalRequired = process.env.DEPUTY_REQUIRE_EXTERNAL_VALIDATORS === '1' || process.env.CI === 'true';

/** Corpus examples whose keys genuinely differ from the catalog, with why the catalog is right. */
const KNOWN_DISAGREEMENTS: Readonly<Record<string, string>> = {
  's3-to-sns-topic-policy-sourceaccount':
    'The SNS guide shows the minimum for S3 → SNS (aws:SourceAccount). S3 sends aws:SourceArn as well, and the S3 guide protects the same delivery with both keys (s3-event-notification-sns-topic, s3-event-notification-sqs-queue).',
  'ses-to-sns-topic-policy-sourceowner':
    'The SNS guide\'s SES example uses the legacy aws:SourceOwner; the same page calls aws:SourceOwner deprecated and lists SES among the services that set aws:SourceAccount, and the SES receiving page protects SNS topics with aws:SourceAccount (the catalog requires only that key for SES topics).',
};

/** Service principals in the corpus that the catalog does not map, with the reason. */
const UNMAPPED_PRINCIPALS: Readonly<Record<string, string>> = {
  'kendra.*.amazonaws.com': 'Doc defect: IAM rejects wildcards inside a principal; the catalog entry kendra uses kendra.amazonaws.com.',
};

/** Doc examples AWS placeholders stand in for values: region names and account words that are not real values. */
const PLACEHOLDER_REGION = 'us-east-1';

interface CorpusEntry {
  readonly id: string;
  readonly kind: PrincipalUsage;
  /** A whole policy, or one statement when `fragment` is true. */
  readonly policy: LiteralPolicyDocument | Statement<string>;
  readonly fragment: boolean;
  /** The CloudFormation resource type the example belongs in, e.g. `AWS::S3::BucketPolicy`. */
  readonly resourceType: string;
  readonly docDefects: readonly string[];
}

interface ExampleUse {
  readonly id: string;
  readonly principal: string;
  readonly entry: ServiceCatalogEntry;
  readonly usage: PrincipalUsage | IntegrationKind;
  /** The confused-deputy keys of every statement of the example that names the principal. */
  readonly keys: ReadonlySet<string>;
  readonly sourceArns: readonly string[];
}

const CANONICAL_KEYS: Readonly<Record<string, string>> = {
  'aws:sourceaccount': 'aws:SourceAccount',
  'aws:sourcearn': 'aws:SourceArn',
  'aws:sourceorgid': 'aws:SourceOrgID',
  'aws:sourceorgpaths': 'aws:SourceOrgPaths',
};

function statementsOfExample(example: CorpusEntry): readonly Statement<string>[] {
  return example.fragment ? [example.policy as Statement<string>] : statementsOf(example.policy as LiteralPolicyDocument);
}

function loadCorpus(): CorpusEntry[] {
  return JSON.parse(readFileSync(corpusPath, 'utf8')) as CorpusEntry[];
}

function servicePrincipals(statement: Statement<string>): string[] {
  if (!statement.Principal || statement.Principal === '*') return [];
  return [...listOf(statement.Principal.Service)];
}

function conditionEntries(statement: Statement<string>): { operator: string; key: string; values: string[] }[] {
  return Object.entries(statement.Condition ?? {}).flatMap(([operator, keys]) =>
    Object.entries(keys).map(([key, value]) => ({ operator: operator.trim(), key, values: listOf(value).map(String) })),
  );
}

/** One use per (example, principal): the keys and SourceArn values of every statement naming the principal. */
function exampleUses(corpus: readonly CorpusEntry[]): { uses: ExampleUse[]; unmapped: Map<string, string[]> } {
  const uses = new Map<string, ExampleUse>();
  const unmapped = new Map<string, string[]>();
  for (const example of corpus) {
    for (const statement of statementsOfExample(example)) {
      const conditions = conditionEntries(statement);
      const keys = conditions.map((c) => CANONICAL_KEYS[c.key.toLowerCase()]).filter((key): key is string => key !== undefined);
      const sourceArns = conditions.filter((c) => c.key.toLowerCase() === 'aws:sourcearn').flatMap((c) => c.values);
      for (const written of servicePrincipals(statement)) {
        const principal = written.replace('.region.', `.${PLACEHOLDER_REGION}.`);
        const entry = findService(principal)?.entry;
        if (!entry) {
          unmapped.set(written, [...(unmapped.get(written) ?? []), example.id]);
          continue;
        }
        const id = `${example.id} ${principal}`;
        const previous = uses.get(id);
        uses.set(id, {
          id: example.id,
          principal,
          entry,
          usage: integrationKindOfResourceType(example.resourceType) ?? example.kind,
          keys: new Set([...(previous?.keys ?? []), ...keys]),
          sourceArns: [...(previous?.sourceArns ?? []), ...sourceArns],
        });
      }
    }
  }
  return { uses: [...uses.values()], unmapped };
}

/** Why an example's keys disagree with the catalog's integration for the example's resource type, or undefined when they agree. */
function disagreement(use: ExampleUse): string | undefined {
  const { entry, keys } = use;
  const integration = integrationFor(entry, use.usage);
  if (!integration) return `the catalog has no ${use.usage} integration for ${entry.key}`;
  const organizationWide = (keys.has('aws:SourceOrgID') || keys.has('aws:SourceOrgPaths')) && !keys.has('aws:SourceAccount') && !keys.has('aws:SourceArn');
  if (organizationWide) return integration.organizationKeys === 'not-sent' ? `${entry.key} sends no organization keys in ${integration.kind}, the example relies on them` : undefined;
  const sent = new Set<string>([...keysSentIn(integration), ...(integration.organizationKeys === 'not-sent' ? [] : ORGANIZATION_KEYS)]);
  const unknown = [...keys].filter((key) => !sent.has(key));
  if (unknown.length > 0) return `the example uses ${unknown.join(', ')}, which the catalog does not list for ${entry.key} (${integration.kind})`;
  const missing = requiredKeys(integration).filter((key) => !keys.has(key));
  if (missing.length > 0) return `the catalog requires ${missing.join(', ')} for ${entry.key} (${integration.kind}), the example does not use it`;
  return undefined;
}

test.runIf(!corpusPresent && externalRequired)('the AWS docs corpus is present (required by DEPUTY_REQUIRE_EXTERNAL_VALIDATORS / CI)', () => {
  expect.fail(`${corpusPath} is missing`);
});

if (!corpusPresent && !externalRequired) {
  console.log(`notice: skipping the AWS docs corpus conformance test: ${corpusPath} not found`);
}

describe.runIf(corpusPresent)('catalog keys agree with the AWS documentation corpus', () => {
  const corpus = corpusPresent ? loadCorpus() : [];
  const { uses, unmapped } = exampleUses(corpus);

  test('the corpus maps onto the catalog', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(70);
    expect(new Set(uses.map((use) => use.entry.key)).size).toBeGreaterThanOrEqual(40);
  });

  test('only the listed principals are unmapped', () => {
    expect([...unmapped.keys()].sort()).toEqual(Object.keys(UNMAPPED_PRINCIPALS).sort());
  });

  test('keys agree, except for the listed disagreements', () => {
    const found = new Map<string, string>();
    for (const use of uses) {
      const reason = disagreement(use);
      if (reason !== undefined) found.set(use.id, reason);
    }
    for (const [id, reason] of found) console.log(`known disagreement ${id}: ${reason} — ${KNOWN_DISAGREEMENTS[id] ?? 'NOT LISTED'}`);
    expect([...found.keys()].sort()).toEqual(Object.keys(KNOWN_DISAGREEMENTS).sort());
  });

  test("every example's SourceArn values include the catalog pattern's service", () => {
    for (const use of uses) {
      const services = use.sourceArns.map((value) => splitArn(value)?.service).filter((service): service is string => service !== undefined && service !== '');
      if (services.length === 0) continue;
      expect(services, use.id).toContain(splitArn(integrationFor(use.entry, use.usage)?.sourceArn?.pattern ?? '')?.service);
    }
  });

  test('every StringEquals-with-wildcard and every invalid operator in the corpus is a recorded doc defect', () => {
    const flagged = new Set<string>();
    for (const example of corpus) {
      for (const statement of statementsOfExample(example)) {
        for (const condition of conditionEntries(statement)) {
          const invalid = parseConditionOperator(condition.operator) === undefined;
          const literalWildcard = condition.values.some((value) => !operatorAcceptsValue(condition.operator, value));
          if (invalid || literalWildcard) flagged.add(example.id);
        }
      }
    }
    expect(flagged.size).toBeGreaterThan(0);
    for (const id of flagged) expect(corpus.find((example) => example.id === id)!.docDefects.length, id).toBeGreaterThan(0);
  });
});
