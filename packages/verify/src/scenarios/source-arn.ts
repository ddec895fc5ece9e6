/**
 * The aws:SourceArn of the legitimate call: a resource of the service in the own account (and Region), taken
 * from the policy's own SourceArn values when one of them lies in the own account, else from the catalog's
 * pattern; wildcards become concrete text. Also the foreign-account and other-partition variants of it.
 */
import type { LiteralPolicyDocument, Integration, Partition, ServiceCatalogEntry } from '@deputy/policy-model';
import { DEFAULT_REGIONS, expandArnPattern, joinArn, listOf, splitArn, statementsOf } from '@deputy/policy-model';
import { principalBlockNames } from '../evaluator/match-principal.js';
import { matchesPattern, resolvePattern } from '../evaluator/iam-string.js';

/** The account, Region and partition of the legitimate call. */
export interface CallOrigin {
  /** The own account. */
  readonly account: string;
  /** The Region the service acts in. */
  readonly region: string;
  /** The partition. */
  readonly partition: Partition;
}

const POSITIVE_SOURCE_ARN_OPERATORS = /^(ForAnyValue:|ForAllValues:)?(ArnLike|ArnEquals|StringLike|StringEquals)(IfExists)?$/;

/** Replaces wildcards in free text: `*` by `deputy-verify`, `?` by `x`. */
export function concreteText(text: string): string {
  return text.replace(/\*/g, 'deputy-verify').replace(/\?/g, 'x');
}

/**
 * Turns an ARN pattern into one ARN it matches, filling wildcard fields with the origin's partition, Region
 * and account where they fit; undefined when the pattern is not an ARN or has policy variables.
 */
export function concreteArn(pattern: string, origin: CallOrigin): string | undefined {
  if (pattern.includes('${')) return undefined;
  const fields = splitArn(pattern);
  if (!fields) return undefined;
  const fill = (field: string, own: string): string => {
    if (!/[*?]/.test(field)) return field;
    const wildcard = resolvePattern(field, {}, { variables: false, wildcards: true });
    return wildcard.ok && matchesPattern(wildcard.pieces, own) ? own : concreteText(field);
  };
  return joinArn({
    prefix: fields.prefix,
    partition: fill(fields.partition, origin.partition),
    service: concreteText(fields.service),
    region: fields.region === '' ? '' : fill(fields.region, origin.region),
    account: fields.account === '' ? '' : fill(fields.account, origin.account),
    resource: concreteText(fields.resource),
  });
}

/**
 * The aws:SourceArn of the legitimate call for `principal`: the first SourceArn value of an Allow statement
 * naming the principal that lies in the own partition and account (or has no account field) and names the
 * catalog's service, else the catalog pattern made concrete; undefined when the service sends none.
 */
export function legitimateSourceArn(document: LiteralPolicyDocument, principal: string, integration: Integration | undefined, origin: CallOrigin): string | undefined {
  const catalogService = integration?.sourceArn ? splitArn(integration.sourceArn.pattern)?.service : undefined;
  for (const value of policySourceArns(document, principal)) {
    const arn = concreteArn(value, origin);
    const fields = arn === undefined ? undefined : splitArn(arn);
    if (!fields || fields.partition !== origin.partition) continue;
    if (fields.account !== '' && fields.account !== origin.account) continue;
    if (catalogService !== undefined && fields.service !== catalogService) continue;
    return arn;
  }
  if (!integration?.sourceArn) return undefined;
  return concreteArn(expandArnPattern(integration.sourceArn.pattern, origin), origin);
}

/** The same ARN in another account; undefined when the ARN has no account field (S3 buckets). */
export function withAccount(arn: string, account: string): string | undefined {
  const fields = splitArn(arn);
  return fields && fields.account !== '' ? joinArn({ ...fields, account }) : undefined;
}

/** The same ARN in another partition, with that partition's representative Region where the ARN had one. */
export function inPartition(arn: string, partition: Partition): string {
  const fields = splitArn(arn)!;
  const region = fields.region === '' ? '' : DEFAULT_REGIONS[partition];
  return joinArn({ ...fields, partition, region });
}

/** SourceArn values of positive conditions in Allow statements that name the service principal, in order. */
function policySourceArns(document: LiteralPolicyDocument, principal: string): string[] {
  const values: string[] = [];
  for (const statement of statementsOf(document)) {
    if (statement.Effect !== 'Allow' || !statement.Principal || !principalBlockNames(statement.Principal, { type: 'Service', id: principal })) continue;
    for (const [operator, keys] of Object.entries(statement.Condition ?? {})) {
      if (!POSITIVE_SOURCE_ARN_OPERATORS.test(operator)) continue;
      for (const [key, value] of Object.entries(keys)) {
        if (key.toLowerCase() === 'aws:sourcearn') values.push(...listOf(value).map(String));
      }
    }
  }
  return values;
}
