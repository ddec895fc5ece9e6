/**
 * Every catalog entry against the checks a schema cannot express (principal forms, SourceArn patterns
 * expanded in every partition, operator/value agreement, account pinning), and the AWS facts the issue
 * names explicitly, entry by entry.
 */
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_REGIONS,
  SERVICE_CATALOG,
  catalogEntryProblems,
  catalogProblems,
  documentedKeys,
  expandArnPattern,
  integrationFor,
  keysSentIn,
  requiredKeys,
  trustIntegration,
  findService,
  fixedPrincipalsOf,
  keysSentBy,
  operatorAcceptsValue,
  principalFor,
  serviceByKey,
  serviceByPrincipal,
  splitArn,
} from '../src/catalog/service-catalog.js';
import type { Integration, IntegrationKind, ServiceCatalogEntry } from '../src/catalog/service-catalog-entry.js';
import { PARTITIONS } from '../src/catalog/service-catalog-entry.js';

const ACCOUNT = '111122223333';

function entry(key: string): ServiceCatalogEntry {
  const found = serviceByKey(key);
  if (!found) throw new Error(`no catalog entry ${key}`);
  return found;
}

describe('the catalog as a whole', () => {
  test('holds at least 45 services', () => {
    expect(SERVICE_CATALOG.length).toBeGreaterThanOrEqual(45);
  });

  test('has no problems', () => {
    expect(catalogProblems(SERVICE_CATALOG)).toEqual([]);
  });
});

describe.each(SERVICE_CATALOG.map((service) => [service.key, service] as const))('%s', (_, service) => {
  test('every principal resolves back to this entry', () => {
    for (const principal of fixedPrincipalsOf(service)) {
      expect(serviceByPrincipal(principal)?.entry.key).toBe(service.key);
      expect(principal).not.toMatch(/[*?]/);
    }
    expect(findService(service.key)?.entry).toBe(service);
  });

  test('partition principals come from the lookup, never from appending .cn', () => {
    for (const partition of PARTITIONS) {
      const expected = partition === 'aws' ? service.principal : (service.partitionPrincipals?.[partition] ?? service.principal);
      expect(principalFor(service, partition)).toBe(expected);
    }
    if (!service.partitionPrincipals?.['aws-cn']) expect(principalFor(service, 'aws-cn')).toBe(service.principal);
  });

  test('the regional form, when there is one, is recognised with its Region', () => {
    if (!service.regionalPrincipal) return;
    const regional = service.regionalPrincipal.pattern.replace('{region}', 'eu-south-1');
    expect(serviceByPrincipal(regional)).toEqual({ entry: service, region: 'eu-south-1' });
    const byRegion = principalFor(service, 'aws', 'eu-south-1');
    expect(byRegion).toBe(service.regionalPrincipal.required || service.regionalPrincipal.optInRegions ? regional : service.principal);
    expect(principalFor(service, 'aws', 'us-east-1')).toBe(service.regionalPrincipal.required ? service.regionalPrincipal.pattern.replace('{region}', 'us-east-1') : service.principal);
  });

  test.each(PARTITIONS)('SourceArn patterns expand to well-formed ARNs in %s', (partition) => {
    for (const pattern of service.integrations.flatMap((integration) => [integration.sourceArn, ...(integration.sourceArnAlternatives ?? [])])) {
      if (!pattern) continue;
      const arn = expandArnPattern(pattern.pattern, { partition, region: DEFAULT_REGIONS[partition], account: ACCOUNT });
      const fields = splitArn(arn);
      expect(fields, arn).toBeDefined();
      expect(fields!.partition).toBe(partition);
      expect(fields!.service).toMatch(/^[a-z0-9-]+$/);
      expect(fields!.region).toMatch(/^(|\*|[a-z]{2}(-[a-z]+)+-\d+)$/);
      if (pattern.pattern.includes('{region}')) expect(fields!.region).toBe(DEFAULT_REGIONS[partition]);
      expect(fields!.account).toMatch(/^(|\d{12})$/);
      if (pattern.pattern.includes('{account}')) expect(fields!.account).toBe(ACCOUNT);
      expect(fields!.resource.length).toBeGreaterThan(0);
      expect(arn).not.toMatch(/[{}]/);
      expect(operatorAcceptsValue(pattern.operator, pattern.pattern)).toBe(true);
    }
  });

  test('each integration pins the calling account, a documented SourceArn has a pattern, and an absence has its reason', () => {
    expect(catalogEntryProblems(service)).toEqual([]);
    for (const integration of service.integrations) {
      if (keysSentIn(integration).includes('aws:SourceArn')) expect(integration.sourceArn).toBeDefined();
      if (integration.status !== 'documented') expect(integration.reason).toBeTruthy();
    }
  });

  test('documents every fact with a public AWS page, a quote and the day it was read', () => {
    expect(service.documentation).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/\S+$/);
    for (const integration of service.integrations) {
      expect(integration.evidence.length).toBeGreaterThan(0);
      for (const evidence of integration.evidence) {
        expect(evidence.url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/\S+$/);
        expect(evidence.quote.length).toBeGreaterThanOrEqual(10);
        expect(evidence.quote).not.toMatch(/\bTODO\b/);
        expect(Date.parse(evidence.checked)).not.toBeNaN();
      }
    }
  });
});

function trust(key: string): Integration {
  const integration = trustIntegration(entry(key));
  if (!integration) throw new Error(`${key} has no role-trust integration`);
  return integration;
}

function resource(key: string, kind: IntegrationKind): Integration {
  const integration = integrationFor(entry(key), kind);
  if (!integration || integration.kind !== kind) throw new Error(`${key} has no ${kind} integration`);
  return integration;
}

describe('facts the issue names', () => {
  test('Personalize is the reference case: SourceAccount + SourceArn arn:…:personalize:<region>:<account>:* with StringLike', () => {
    const personalize = trust('personalize');
    expect(entry('personalize').principal).toBe('personalize.amazonaws.com');
    expect(personalize.keys).toEqual(['aws:SourceAccount', 'aws:SourceArn']);
    expect(personalize.sourceArn).toEqual({ pattern: 'arn:{partition}:personalize:{region}:{account}:*', operator: 'StringLike' });
    expect(personalize.trustActions).toEqual(['sts:AssumeRole']);
  });

  test('IAM Roles Anywhere allows sts:AssumeRole, sts:TagSession and sts:SetSourceIdentity', () => {
    expect(trust('rolesanywhere').trustActions).toEqual(['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity']);
  });

  test('EKS Pod Identity allows sts:AssumeRole and sts:TagSession and documents no confused-deputy key', () => {
    const pods = trust('pods-eks');
    expect(pods.trustActions).toEqual(['sts:AssumeRole', 'sts:TagSession']);
    expect(requiredKeys(pods)).toEqual([]);
  });

  test('AWS Config requires SourceAccount in its role trust, its optional SourceArn is always arn:…:config:<region>:<account>:*, and it sends no organization keys', () => {
    const config = trust('config');
    expect(config.keys).toEqual(['aws:SourceAccount']);
    expect(config.sourceArn?.pattern).toBe('arn:{partition}:config:{region}:{account}:*');
    expect(config.organizationKeys).toBe('not-sent');
  });

  test('SageMaker stays at :* (inference, Studio, images) and requires SourceArn', () => {
    const sagemaker = trust('sagemaker');
    expect(sagemaker.sourceArn?.pattern).toBe('arn:{partition}:sagemaker:{region}:{account}:*');
    expect(sagemaker.keys).toContain('aws:SourceArn');
  });

  test('Scheduler uses the schedule-group ARN', () => {
    expect(trust('scheduler').sourceArn?.pattern).toMatch(/:schedule-group\/\*$/);
  });

  test('Batch never excludes job/*', () => {
    const pattern = trust('batch').sourceArn!.pattern;
    expect(pattern.endsWith(':*') || pattern.endsWith('job/*')).toBe(true);
  });

  test('StringEquals is never paired with a wildcard, while ARN operators and StringLike may be', () => {
    expect(operatorAcceptsValue('StringEquals', 'arn:aws:cur:us-east-1:111122223333:definition/*')).toBe(false);
    expect(operatorAcceptsValue('StringEquals', 'arn:aws:s3:::b?cket')).toBe(false);
    expect(operatorAcceptsValue('StringEquals', 'arn:aws:cloudtrail:us-east-1:111122223333:trail/t')).toBe(true);
    expect(operatorAcceptsValue('ArnEquals', 'arn:aws:ssm:us-east-2:123456789012:*')).toBe(true);
    expect(operatorAcceptsValue('StringLike', 'arn:aws:logs:us-east-1:111122223333:*')).toBe(true);
  });

  test('China principals are looked up: ec2.amazonaws.com.cn exists', () => {
    expect(principalFor(entry('ec2'), 'aws-cn')).toBe('ec2.amazonaws.com.cn');
    expect(serviceByPrincipal('ec2.amazonaws.com.cn')?.entry.key).toBe('ec2');
  });

  test('a resource integration is found by its kind, and a missing kind falls back to none', () => {
    expect(resource('personalize', 'role-trust').kind).toBe('role-trust');
    expect(integrationFor(entry('personalize'), 'sqs-queue')).toBeUndefined();
    expect(documentedKeys(entry('personalize'), 'trust')).toEqual(['aws:SourceAccount', 'aws:SourceArn']);
  });
});

describe('the entry checks catch', () => {
  const personalize = entry('personalize');
  const withTrust = (change: Partial<Integration>): Partial<ServiceCatalogEntry> => ({ integrations: [{ ...trust('personalize'), ...change }] });
  const cases: [string, Partial<ServiceCatalogEntry>, RegExp][] = [
    ['StringEquals on a wildcard', withTrust({ sourceArn: { pattern: 'arn:{partition}:personalize:{region}:{account}:*', operator: 'StringEquals' } }), /reads the wildcard/],
    ['an unknown placeholder', withTrust({ sourceArn: { pattern: 'arn:{partition}:personalize:{region}:{account}:{name}', operator: 'ArnLike' } }), /unknown placeholders/],
    ['a bad account field', withTrust({ sourceArn: { pattern: 'arn:{partition}:personalize:{region}:{account}x:*', operator: 'ArnLike' } }), /invalid account/],
    ['a bad Region field', withTrust({ sourceArn: { pattern: 'arn:{partition}:personalize:region:{account}:*', operator: 'ArnLike' } }), /invalid Region/],
    ['a literal partition', withTrust({ sourceArn: { pattern: 'arn:aws:personalize:{region}:{account}:*', operator: 'ArnLike' } }), /not in partition aws-cn/],
    ['SourceArn alone without an account field', withTrust({ keys: ['aws:SourceArn'], sourceArn: { pattern: 'arn:{partition}:s3:::*', operator: 'ArnLike' } }), /do not pin the calling account/],
    ['a wildcard principal', { principal: 'personalize.*.amazonaws.com' }, /not a service principal/],
    ['a regional form of another principal', { regionalPrincipal: { pattern: 'forecast.{region}.amazonaws.com', required: false } }, /does not belong/],
    ['a key both required and optional', withTrust({ optionalKeys: ['aws:SourceArn'] }), /both required and optional/],
    ['a missing pattern', withTrust({ sourceArn: undefined }), /no sourceArn pattern/],
    ['keys on an undocumented integration', withTrust({ status: 'undocumented', reason: 'AWS shows no condition' }), /keys given although/],
    ['an absence without a reason', withTrust({ status: 'undocumented', keys: undefined, sourceArn: undefined }), /without a reason/],
    ['a placeholder quote', withTrust({ evidence: [{ url: 'https://docs.aws.amazon.com/x.html', quote: 'TODO quote it', checked: '2026-12-03' }] }), /placeholder/],
    ['evidence off the AWS documentation site', withTrust({ evidence: [{ url: 'https://example.com/x', quote: 'a quote of ten', checked: '2026-12-03' }] }), /not a public AWS documentation page/],
    ['a role trust without sts:AssumeRole', withTrust({ trustActions: ['sts:TagSession'] }), /lack sts:AssumeRole/],
  ];
  test.each(cases)('%s', (_, change, message) => {
    const problems = catalogEntryProblems({ ...personalize, ...change });
    expect(problems.some((problem) => message.test(problem)), problems.join('\n')).toBe(true);
  });

  test('keys or principals claimed by two entries', () => {
    const copy = { ...entry('forecast'), key: 'forecast-copy' };
    expect(catalogProblems([entry('forecast'), copy])).toEqual([`forecast-copy: forecast.amazonaws.com is also claimed by forecast`]);
  });
});
