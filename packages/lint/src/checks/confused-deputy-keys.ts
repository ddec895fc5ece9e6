/**
 * DPT001 / DPT002: an Allow statement trusting a service principal must carry the confused-deputy keys the
 * catalog documents for that service. Services with no documented key, service-linked roles and services
 * deputy does not know are exempt, with the reason recorded for `--verbose`.
 */
import { documentedKeys, integrationFor, noKeysNotice, parseConditionOperator, sourceArnContextKeyOf, sourceArnPatternsFor, type ConfusedDeputyKey, type IntegrationKind, type PolicyString, type ServiceCatalogEntry } from '@deputy/policy-model';
import { accountValue, keptClauses, sourceArnClause } from '../fixes/condition-edits.js';
import { fresh, type FixClause } from '../fixes/fix-plan.js';
import { accountFieldOf, readArn } from '../policy/arn-text.js';
import { statementName } from '../policy/policy-view.js';
import { literalTextOf, textPartsOf } from '../policy/text-value.js';
import type { LocatedValue, TextPart } from '../located/located-value.js';
import type { StatementCheck, StatementCheckInput } from './check.js';
import { clausesOf, integrationOf, servicePrincipalsOf, type ServicePrincipal } from './statement-facts.js';

/** Keys that bind a request to its source; any one of them makes a statement "protected" for DPT001. */
const BINDING_KEYS = ['aws:sourceaccount', 'aws:sourcearn', 'aws:sourceorgid', 'aws:sourceorgpaths', 'aws:sourceowner'];

/** Keys that satisfy each documented key for DPT002: an organization or owner binding stands in for the account. */
const SATISFIED_BY: Record<ConfusedDeputyKey, readonly string[]> = {
  'aws:SourceAccount': ['aws:sourceaccount', 'aws:sourceowner', 'aws:sourceorgid', 'aws:sourceorgpaths'],
  'aws:SourceArn': ['aws:sourcearn'],
  'aws:SourceOrgID': ['aws:sourceorgid'],
  'aws:SourceOrgPaths': ['aws:sourceorgpaths', 'aws:sourceorgid'],
};

/**
 * Organization keys: an organization-wide trust (aws:SourceOrgID / aws:SourceOrgPaths instead of the account
 * and resource keys, as AWS documents for services that send them) satisfies every documented key, unless
 * the catalog records that the service does not send them here (then the service itself is denied).
 */
const ORGANIZATION_KEYS = ['aws:sourceorgid', 'aws:sourceorgpaths'];

/** The check. */
export const checkConfusedDeputyKeys: StatementCheck = (input, sink) => {
  const { policy, statement } = input;
  if (statement.effect !== 'Allow' || statement.condition.unknown) return;
  const usage = integrationOf(policy, statement);
  const present = new Set(
    statement.condition.clauses.filter((clause) => parseConditionOperator(clause.operator.trim())?.base !== 'Null').map((clause) => clause.key.toLowerCase()),
  );
  const lacking: { service: ServicePrincipal; entry: ServiceCatalogEntry; missing: ConfusedDeputyKey[] }[] = [];
  for (const service of servicePrincipalsOf(statement)) {
    if (service.text === undefined || service.text.includes('*') || service.text.includes('?')) continue;
    const entry = service.match?.entry;
    const exemption = (reason: string): void => sink.exemption({ file: policy.file, at: service.value.at, principal: service.text!, reason });
    if (policy.exemptReason) {
      exemption(policy.exemptReason);
      continue;
    }
    if (!entry) {
      if (!BINDING_KEYS.some((key) => present.has(key))) {
        sink.finding({
          ruleId: 'DPT022',
          at: service.value.at,
          message: `${statementName(statement)} allows ${service.text}, which deputy's service catalog does not know, without any confused-deputy condition: whether it sends aws:SourceAccount / aws:SourceArn is unknown`,
          fix: { kind: 'advice', description: 'if AWS documents aws:SourceAccount / aws:SourceArn for this service, add them; otherwise suppress this finding with the reason' },
          statement,
        });
      }
      continue;
    }
    const keys = documentedKeys(entry, usage);
    if (keys.length === 0) {
      exemption(noKeysNotice(entry, usage));
      continue;
    }
    const organizationWide = ORGANIZATION_KEYS.some((key) => present.has(key)) && integrationFor(entry, usage)?.organizationKeys !== 'not-sent';
    const missing = organizationWide ? [] : keys.filter((key) => !SATISFIED_BY[key].some((satisfying) => present.has(satisfying)) && !(key === 'aws:SourceAccount' && sourceArnPinsAccount(statement, sendsAccountInArn(entry, usage))));
    if (missing.length > 0) lacking.push({ service, entry, missing });
  }
  if (lacking.length === 0) return;
  const unprotected = !BINDING_KEYS.some((key) => present.has(key)) && !lacking.some(({ service }) => bindsSourceArnContext(service.text!, present));
  const names = [...new Set(lacking.map(({ service, entry }) => `${service.text} (${entry.name})`))].join(', ');
  const missingKeys = [...new Set(lacking.flatMap(({ missing }) => missing))];
  const fix = { kind: 'condition' as const, description: fixDescription(lacking.map(({ entry }) => entry), missingKeys), clauses: [...keptClauses(statement), ...newClauses(input, usage, lacking)] };
  if (unprotected) {
    sink.finding({
      ruleId: 'DPT001',
      at: lacking[0]!.service.value.at,
      message: `${statementName(statement)} allows ${names} without ${missingKeys.join(' or ')}: the service can act on behalf of any account (cross-service confused deputy)`,
      fix,
      statement,
    });
    return;
  }
  sink.finding({
    ruleId: 'DPT002',
    ...(accountUnpinned(input, missingKeys) ? { severity: 'error' as const } : {}),
    at: statement.condition.at ?? statement.at,
    message: `${statementName(statement)} allows ${names} without ${missingKeys.join(' and ')}, which AWS documents for ${lacking.length === 1 ? 'this service' : 'these services'}${accountUnpinned(input, missingKeys) ? '; its aws:SourceArn has no account field, so no account is pinned' : ''}`,
    fix,
    statement,
  });
};

/** True when the statement conditions the key the service sets to its acting resource's ARN (CloudTrail's encryption context), which binds the source as aws:SourceArn would. */
function bindsSourceArnContext(principal: string, present: ReadonlySet<string>): boolean {
  const key = sourceArnContextKeyOf(principal);
  return key !== undefined && present.has(key.toLowerCase());
}

function newClauses(input: StatementCheckInput, usage: IntegrationKind | 'resource', lacking: readonly { service: ServicePrincipal; entry: ServiceCatalogEntry; missing: readonly ConfusedDeputyKey[] }[]): FixClause[] {
  const clauses: FixClause[] = [];
  if (lacking.some(({ missing }) => missing.includes('aws:SourceAccount'))) {
    clauses.push({ operator: 'StringEquals', key: 'aws:SourceAccount', value: fresh(accountValue(input.environment)) });
  }
  const arnClauses = lacking
    .filter(({ missing }) => missing.includes('aws:SourceArn'))
    .map(({ service, entry }) => sourceArnClause(entry, input.environment, service.match?.region, usage))
    .filter((clause): clause is FixClause => clause !== undefined);
  const byOperator = new Map<string, FixClause[]>();
  for (const clause of arnClauses) byOperator.set(clause.operator, [...(byOperator.get(clause.operator) ?? []), clause]);
  for (const [operator, group] of byOperator) {
    const items = new Map<string, PolicyString>();
    for (const clause of group) if (clause.value.kind === 'new') for (const item of clause.value.items) items.set(JSON.stringify(item), item);
    clauses.push({ operator, key: 'aws:SourceArn', value: fresh(...items.values()) });
  }
  if (lacking.some(({ missing }) => missing.includes('aws:SourceOrgID'))) {
    clauses.push({ operator: 'StringEquals', key: 'aws:SourceOrgID', value: fresh('<organization-id>') });
  }
  return clauses;
}

function fixDescription(entries: readonly ServiceCatalogEntry[], missing: readonly ConfusedDeputyKey[]): string {
  const documentation = [...new Set(entries.map((entry) => entry.documentation))].join(', ');
  return `add ${missing.join(' and ')} as AWS documents (${documentation}); narrow aws:SourceArn to the resources that use it`;
}

/**
 * True when every aws:SourceArn value names the account: a 12-digit account field, this account's
 * reference (`${AWS::AccountId}`, `data.aws_caller_identity.current.account_id`), or the ARN of a resource the
 * configuration itself creates (a Terraform resource's or module's ARN; a CloudFormation `Fn::GetAtt X.Arn`
 * when the ARN the service sends has an account field), under a positive operator.
 * Such a SourceArn pins the account as aws:SourceAccount would.
 */
function sourceArnPinsAccount(statement: StatementCheckInput['statement'], accountInArn: boolean): boolean {
  const clauses = clausesOf(statement, 'aws:SourceArn').filter((clause) => !/Not/.test(clause.operator));
  const values = clauses.flatMap((clause) => clause.items);
  return (
    values.length > 0 &&
    values.every((value) => {
      if (accountInArn && isStackResourceArn(value)) return true;
      const parts = textPartsOf(value);
      const field = parts === undefined ? undefined : accountFieldOf(parts);
      return field === 'literal' || field === 'this-account' || (parts !== undefined && startsWithOwnResource(parts));
    })
  );
}

/**
 * True when every source ARN AWS documents for the service here has an account field
 * (`arn:{partition}:logs:{region}:{account}:log-group:*`), unlike an S3 bucket's (`arn:{partition}:s3:::{bucket}`).
 */
function sendsAccountInArn(entry: ServiceCatalogEntry, usage: IntegrationKind | 'resource'): boolean {
  const patterns = sourceArnPatternsFor(entry, usage === 'resource' ? undefined : usage);
  return patterns.length > 0 && patterns.every((pattern) => (pattern.pattern.split(':')[4] ?? '') !== '');
}

/** `!GetAtt LogGroup.Arn`, `{"Fn::GetAtt": ["LogGroup", "Arn"]}`: the ARN of a resource the same stack creates, in the deploying account. */
function isStackResourceArn(value: LocatedValue): boolean {
  if (value.kind !== 'intrinsic' || value.name !== 'Fn::GetAtt') return false;
  const argument = value.argument;
  const attribute = argument.kind === 'array' ? literalTextOf(argument.items[1] ?? argument) : (literalTextOf(argument) ?? '').split('.').slice(1).join('.');
  return attribute === 'Arn';
}

/**
 * A Terraform resource's ARN attribute (`${aws_api_gateway_rest_api.api.execution_arn}/*`,
 * `${aws_lb_target_group.tg.arn}`): a resource this configuration creates, so in the deploying account.
 */
const OWN_RESOURCE_ARN = /^(\$\{\s*)?aws_[a-z0-9_]+\.[A-Za-z0-9_-]+(\[[^\]]*\])?\.(arn|execution_arn)(\s*\})?$/;

/**
 * An ARN output of a module this configuration calls (`module.bus.eventbridge_rule_arns["logs"]`,
 * `module.lambda.lambda_function_arn`): the module's resources are created in the deploying account too.
 */
const OWN_MODULE_ARN = /^(\$\{\s*)?module\.[A-Za-z0-9_-]+(\[[^\]]*\])?\.[a-z0-9_]*arns?\b([.[][^}]*)?(\s*\})?$/;

/** Resource types whose ARN names no account (an S3 bucket's name can be taken again by another account once deleted). */
const ACCOUNTLESS_ARN = /^(\$\{\s*)?aws_s3_(bucket|directory_bucket)\b/;

function startsWithOwnResource(parts: ReturnType<typeof textPartsOf> & object): boolean {
  const first = parts[0];
  if (first === undefined || typeof first === 'string') return false;
  const reference = first.opaque.trim();
  if (OWN_MODULE_ARN.test(reference)) return !/bucket|s3/i.test(reference);
  return OWN_RESOURCE_ARN.test(reference) && !ACCOUNTLESS_ARN.test(reference);
}

/** True when aws:SourceAccount is missing and every aws:SourceArn has an empty account field (S3 buckets: literal ARNs, `aws_s3_bucket.x.arn`, a bucket module's ARN output). */
function accountUnpinned({ statement }: StatementCheckInput, missing: readonly ConfusedDeputyKey[]): boolean {
  if (!missing.includes('aws:SourceAccount')) return false;
  const values = clausesOf(statement, 'aws:SourceArn').flatMap((clause) => clause.items);
  return (
    values.length > 0 &&
    values.every((value) => {
      const parts = textPartsOf(value);
      const reading = parts === undefined ? undefined : readArn(parts);
      return (reading?.kind === 'arn' && reading.fields.account === '') || (parts?.length === 1 && isBucketArnReference(parts[0]!));
    })
  );
}

/** `aws_s3_bucket.uploads.arn`, `module.uploads.s3_bucket_arn`: a bucket's ARN, which has no account field. */
function isBucketArnReference(part: TextPart): boolean {
  if (typeof part === 'string') return false;
  const reference = part.opaque.trim();
  return (ACCOUNTLESS_ARN.test(reference) && OWN_RESOURCE_ARN.test(reference)) || (OWN_MODULE_ARN.test(reference) && /bucket/i.test(reference));
}
