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
  findService,
  fixedPrincipalsOf,
  keysSentBy,
  operatorAcceptsValue,
  principalFor,
  serviceByKey,
  serviceByPrincipal,
  splitArn,
} from '../src/catalog/service-catalog.js';
import type { ServiceCatalogEntry } from '../src/catalog/service-catalog-entry.js';
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
    expect(byRegion).toBe(service.regionalPrincipal.required ? regional : service.principal);
  });

  test.each(PARTITIONS)('SourceArn patterns expand to well-formed ARNs in %s', (partition) => {
    for (const pattern of [service.sourceArn, ...(service.sourceArnAlternatives ?? [])]) {
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

  test('the keys pin the calling account, and a documented SourceArn has a pattern', () => {
    expect(catalogEntryProblems(service)).toEqual([]);
    for (const usage of service.usage) {
      const keys = documentedKeys(service, usage);
      if (keys.includes('aws:SourceArn')) expect(service.sourceArn).toBeDefined();
    }
    if (service.keys.length === 0) expect(service.noKeysReason).toBeTruthy();
  });

  test('documents its facts on a public AWS page', () => {
    expect(service.documentation).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/\S+$/);
    for (const page of service.relatedDocumentation ?? []) expect(page).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/\S+$/);
  });
});

describe('facts the issue names', () => {
  test('Personalize is the reference case: SourceAccount + SourceArn arn:…:personalize:<region>:<account>:* with StringLike', () => {
    const personalize = entry('personalize');
    expect(personalize.principal).toBe('personalize.amazonaws.com');
    expect(personalize.keys).toEqual(['aws:SourceAccount', 'aws:SourceArn']);
    expect(personalize.sourceArn).toEqual({ pattern: 'arn:{partition}:personalize:{region}:{account}:*', operator: 'StringLike' });
    expect(personalize.trustActions).toEqual(['sts:AssumeRole']);
  });

  test('IAM Roles Anywhere allows sts:AssumeRole, sts:TagSession and sts:SetSourceIdentity', () => {
    expect(entry('rolesanywhere').trustActions).toEqual(['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity']);
  });

  test('EKS Pod Identity allows sts:AssumeRole and sts:TagSession and documents no confused-deputy key', () => {
    const pods = entry('pods-eks');
    expect(pods.trustActions).toEqual(['sts:AssumeRole', 'sts:TagSession']);
    expect(pods.keys).toEqual([]);
  });

  test('every other entry trusts with sts:AssumeRole alone', () => {
    for (const service of SERVICE_CATALOG.filter((s) => s.key !== 'rolesanywhere' && s.key !== 'pods-eks')) {
      expect(service.trustActions, service.key).toEqual(['sts:AssumeRole']);
    }
  });

  test('AWS Config uses SourceAccount, its optional SourceArn is always arn:…:config:<region>:<account>:*, and it ignores organization keys', () => {
    const config = entry('config');
    expect(config.keys).toEqual(['aws:SourceAccount']);
    expect(config.sourceArn?.pattern).toBe('arn:{partition}:config:{region}:{account}:*');
    expect(config.ignoresOrganizationKeys).toBe(true);
  });

  test('SageMaker stays at :* (inference, Studio, images) and requires SourceArn alone', () => {
    const sagemaker = entry('sagemaker');
    expect(sagemaker.sourceArn?.pattern).toBe('arn:{partition}:sagemaker:{region}:{account}:*');
    expect(sagemaker.keys).toEqual(['aws:SourceArn']);
  });

  test('Scheduler uses the schedule-group ARN', () => {
    expect(entry('scheduler').sourceArn?.pattern).toMatch(/:schedule-group\/\*$/);
  });

  test('Batch never excludes job/*', () => {
    const pattern = entry('batch').sourceArn!.pattern;
    const jobArn = expandArnPattern(pattern, { partition: 'aws', region: 'us-east-1', account: ACCOUNT }).replace(/\*$/, 'job/abc');
    expect(pattern.endsWith(':*') || pattern.endsWith('job/*')).toBe(true);
    expect(jobArn).toBe(`arn:aws:batch:us-east-1:${ACCOUNT}:job/abc`);
  });

  test('global services have an empty Region field (Budgets); S3 bucket ARNs have no Region and no account', () => {
    expect(splitArn(entry('budgets').sourceArn!.pattern)).toMatchObject({ region: '', account: '{account}' });
    for (const key of ['s3', 'logging-s3']) {
      expect(splitArn(entry(key).sourceArn!.pattern)).toMatchObject({ region: '', account: '' });
      expect(entry(key).keys).toContain('aws:SourceAccount');
    }
  });

  test('CloudWatch Logs needs its regional principal', () => {
    const logs = entry('logs');
    expect(logs.regionalPrincipal).toEqual({ pattern: 'logs.{region}.amazonaws.com', required: true });
    expect(principalFor(logs, 'aws', 'eu-west-1')).toBe('logs.eu-west-1.amazonaws.com');
  });

  test('China principals are looked up: ec2.amazonaws.com.cn exists, cloudtrail keeps its .com form', () => {
    expect(principalFor(entry('ec2'), 'aws-cn')).toBe('ec2.amazonaws.com.cn');
    expect(principalFor(entry('cloudtrail'), 'aws-cn')).toBe('cloudtrail.amazonaws.com');
    expect(serviceByPrincipal('ec2.amazonaws.com.cn')?.entry.key).toBe('ec2');
    expect(serviceByPrincipal('cloudtrail.amazonaws.com.cn')).toBeUndefined();
  });

  test('Transfer Family resource policies (custom identity provider) use SourceArn alone', () => {
    const transfer = entry('transfer');
    expect(documentedKeys(transfer, 'trust')).toEqual(['aws:SourceAccount', 'aws:SourceArn']);
    expect(documentedKeys(transfer, 'resource')).toEqual(['aws:SourceArn']);
    expect(keysSentBy(transfer)).toEqual(['aws:SourceAccount', 'aws:SourceArn']);
  });

  test('StringEquals is never paired with a wildcard, while ARN operators and StringLike may be', () => {
    expect(operatorAcceptsValue('StringEquals', 'arn:aws:cur:us-east-1:111122223333:definition/*')).toBe(false);
    expect(operatorAcceptsValue('StringEquals', 'arn:aws:s3:::b?cket')).toBe(false);
    expect(operatorAcceptsValue('StringEquals', 'arn:aws:cloudtrail:us-east-1:111122223333:trail/t')).toBe(true);
    expect(operatorAcceptsValue('ArnEquals', 'arn:aws:ssm:us-east-2:123456789012:*')).toBe(true);
    expect(operatorAcceptsValue('StringLike', 'arn:aws:logs:us-east-1:111122223333:*')).toBe(true);
  });
});

describe('the entry checks catch', () => {
  const personalize = entry('personalize');
  const cases: [string, Partial<ServiceCatalogEntry>, RegExp][] = [
    ['StringEquals on a wildcard', { sourceArn: { pattern: 'arn:{partition}:personalize:{region}:{account}:*', operator: 'StringEquals' } }, /reads the wildcard/],
    ['an unknown placeholder', { sourceArn: { pattern: 'arn:{partition}:personalize:{region}:{account}:{name}', operator: 'ArnLike' } }, /unknown placeholders/],
    ['a bad account field', { sourceArn: { pattern: 'arn:{partition}:personalize:{region}:{account}x:*', operator: 'ArnLike' } }, /invalid account/],
    ['a bad Region field', { sourceArn: { pattern: 'arn:{partition}:personalize:region:{account}:*', operator: 'ArnLike' } }, /invalid Region/],
    ['a literal partition', { sourceArn: { pattern: 'arn:aws:personalize:{region}:{account}:*', operator: 'ArnLike' } }, /not in partition aws-cn/],
    ['SourceArn alone without an account field', { keys: ['aws:SourceArn'], sourceArn: { pattern: 'arn:{partition}:s3:::*', operator: 'ArnLike' } }, /do not pin the calling account/],
    ['a wildcard principal', { principal: 'personalize.*.amazonaws.com' }, /not a service principal/],
    ['a regional form of another principal', { regionalPrincipal: { pattern: 'forecast.{region}.amazonaws.com', required: false } }, /does not belong/],
    ['a key both required and optional', { optionalKeys: ['aws:SourceArn'] }, /both required and optional/],
    ['a missing pattern', { sourceArn: undefined }, /no sourceArn pattern/],
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
