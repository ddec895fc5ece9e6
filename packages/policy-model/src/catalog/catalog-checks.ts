/**
 * Checks of catalog facts that a JSON Schema cannot express: principals against their regional and
 * partition forms, SourceArn patterns expanded in every partition, operator/value agreement, and whether
 * the documented keys pin the caller's account at all. Each check returns every problem found.
 */
import { DEFAULT_REGIONS, expandArnPattern, splitArn } from './arn-pattern.js';
import type { Integration, ServiceCatalogEntry, SourceArnOperator, SourceArnPattern } from './service-catalog-entry.js';
import { PARTITIONS } from './service-catalog-entry.js';
import { fixedPrincipalsOf, principalFor } from './catalog-lookups.js';

const PRINCIPAL = /^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*\.amazonaws\.com(\.cn)?$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const ACCOUNT = /^\d{12}$/;
const SERVICE_NAMESPACE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const SAMPLE_ACCOUNT = '111122223333';

/** True when `operator` compares `value` as intended: StringEquals never gets a `*` or `?`, which it reads literally. */
export function operatorAcceptsValue(operator: SourceArnOperator | string, value: string): boolean {
  const exact = operator === 'StringEquals' || operator === 'StringNotEquals' || operator.startsWith('StringEqualsIgnoreCase') || operator.startsWith('StringNotEqualsIgnoreCase');
  return !(exact && /[*?]/.test(value));
}

/** Problems of one entry, each a sentence naming the entry; empty when the entry is sound. */
export function catalogEntryProblems(entry: ServiceCatalogEntry): string[] {
  const problems: string[] = [];
  const say = (text: string): void => {
    problems.push(`${entry.key}: ${text}`);
  };
  for (const principal of fixedPrincipalsOf(entry)) {
    if (!PRINCIPAL.test(principal)) say(`principal ${principal} is not a service principal (no wildcards, ends in amazonaws.com)`);
  }
  for (const partition of PARTITIONS) {
    const expected = partition === 'aws' ? entry.principal : (entry.partitionPrincipals?.[partition] ?? entry.principal);
    if (principalFor(entry, partition) !== expected) say(`principalFor(${partition}) does not come from the partition lookup`);
  }
  if (entry.regionalPrincipal) {
    const { pattern } = entry.regionalPrincipal;
    const global = pattern.replace('.{region}', '');
    if (pattern.split('{region}').length !== 2) say(`regional principal ${pattern} must name {region} exactly once`);
    if (global !== entry.principal) say(`regional principal ${pattern} does not belong to ${entry.principal}`);
    if (!PRINCIPAL.test(pattern.replace('{region}', 'us-east-1'))) say(`regional principal ${pattern} is not a service principal form`);
  }
  if (!entry.documentation.startsWith('https://docs.aws.amazon.com/')) say(`documentation ${entry.documentation} is not a public AWS documentation page`);
  entry.integrations.forEach((integration, index) => {
    problems.push(...integrationProblems(entry, integration, index));
  });
  return problems;
}

/** Problems of one integration of an entry. */
export function integrationProblems(entry: ServiceCatalogEntry, integration: Integration, index: number): string[] {
  const problems: string[] = [];
  const say = (text: string): void => {
    problems.push(`${entry.key}: integrations[${index}] (${integration.kind}): ${text}`);
  };
  const keys = integration.keys ?? [];
  const optional = integration.optionalKeys ?? [];
  for (const key of optional) if (keys.includes(key)) say(`${key} is both required and optional`);
  if (integration.status === 'documented' && keys.length === 0) say('documented without keys');
  if (integration.status !== 'documented' && (keys.length > 0 || optional.length > 0)) say(`keys given although the status is ${integration.status}`);
  if (integration.status !== 'documented' && !integration.reason) say(`status ${integration.status} without a reason`);
  const sent = [...keys, ...optional];
  if (sent.includes('aws:SourceArn') && !integration.sourceArn) say('aws:SourceArn is documented but there is no sourceArn pattern');
  if (!sent.includes('aws:SourceArn') && integration.sourceArn) say('a sourceArn pattern without aws:SourceArn among the keys');
  for (const pattern of [integration.sourceArn, ...(integration.sourceArnAlternatives ?? [])]) {
    if (pattern) problems.push(...sourceArnPatternProblems(entry, pattern).map((problem) => problem.replace(`${entry.key}: `, `${entry.key}: integrations[${index}]: `)));
  }
  if (integration.status === 'documented' && !pinsAccount(keys, integration.sourceArn)) {
    say('the documented keys do not pin the calling account (no aws:SourceAccount, no {account} in aws:SourceArn, no organisation key)');
  }
  if (integration.kind === 'role-trust' && !(integration.trustActions ?? []).includes('sts:AssumeRole')) say('trustActions lack sts:AssumeRole');
  if (integration.kind !== 'role-trust' && integration.trustActions) say('trustActions on a resource integration');
  if (integration.evidence.length === 0) say('no evidence');
  for (const evidence of integration.evidence) {
    if (!evidence.url.startsWith('https://docs.aws.amazon.com/')) say(`evidence ${evidence.url} is not a public AWS documentation page`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(evidence.checked) || Number.isNaN(Date.parse(evidence.checked))) say(`evidence date ${evidence.checked} is not a day`);
    if (/\bTODO\b/.test(evidence.quote)) say('evidence quote is a placeholder');
  }
  return problems;
}

/** Problems of the whole catalog: every entry's problems, and keys or principals claimed twice. */
export function catalogProblems(entries: readonly ServiceCatalogEntry[]): string[] {
  const problems = entries.flatMap(catalogEntryProblems);
  const owners = new Map<string, string>();
  for (const entry of entries) {
    for (const name of [entry.key, ...(entry.aliases ?? []), ...fixedPrincipalsOf(entry), ...(entry.regionalPrincipal ? [entry.regionalPrincipal.pattern] : [])]) {
      const owner = owners.get(name);
      if (owner !== undefined && owner !== entry.key) problems.push(`${entry.key}: ${name} is also claimed by ${owner}`);
      else owners.set(name, entry.key);
    }
  }
  return problems;
}

function sourceArnPatternProblems(entry: ServiceCatalogEntry, { pattern, operator }: SourceArnPattern): string[] {
  const problems: string[] = [];
  const say = (text: string): void => {
    problems.push(`${entry.key}: ${text}`);
  };
  if (!operatorAcceptsValue(operator, pattern)) say(`${operator} reads the wildcard in ${pattern} literally`);
  const unknown = [...pattern.matchAll(/\{([^}]*)\}/g)].map((match) => match[1]).filter((name) => name !== 'partition' && name !== 'region' && name !== 'account');
  if (unknown.length > 0) say(`${pattern} has unknown placeholders ${unknown.join(', ')}`);
  for (const partition of PARTITIONS) {
    const arn = expandArnPattern(pattern, { partition, region: DEFAULT_REGIONS[partition], account: SAMPLE_ACCOUNT });
    const fields = splitArn(arn);
    if (!fields) {
      say(`${arn} is not an ARN`);
      continue;
    }
    if (fields.partition !== partition) say(`${arn} is not in partition ${partition}`);
    if (!SERVICE_NAMESPACE.test(fields.service)) say(`${arn} has no valid service field`);
    if (fields.region !== '' && fields.region !== '*' && !REGION.test(fields.region)) say(`${arn} has an invalid Region field`);
    if (fields.account !== '' && !ACCOUNT.test(fields.account)) say(`${arn} has an invalid account field`);
    if (fields.resource === '' || /\s/.test(fields.resource)) say(`${arn} has no resource`);
  }
  return problems;
}

function pinsAccount(keys: readonly string[], sourceArn: SourceArnPattern | undefined): boolean {
  if (keys.length === 0) return true;
  if (keys.includes('aws:SourceAccount') || keys.includes('aws:SourceOrgID') || keys.includes('aws:SourceOrgPaths')) return true;
  return keys.includes('aws:SourceArn') && sourceArn !== undefined && splitArn(sourceArn.pattern)?.account === '{account}';
}
