/**
 * A found policy as a literal IAM document for deputy's decision procedure (the scenario matrix of
 * `@deputy/verify`). Values known only at deploy time become specific stand-ins, never wildcards: an opaque
 * part in an account position (aws:SourceAccount, the account field of an ARN) is the policy's own account,
 * in a Region or partition field the policy's own Region or partition, anywhere else a fixed token. So
 * `${AWS::AccountId}` or `var.account_id` pins an account exactly as a literal would, and an unknown value
 * is never read as "anyone".
 */
import type { LiteralPolicyDocument, Statement } from '@deputy/policy-model';
import type { LocatedValue, TextPart } from '../located/located-value.js';
import type { ConditionClause, StatementView } from '../policy/policy-view.js';
import { textPartsOf } from '../policy/text-value.js';

/** The literal account, Region and partition the stand-ins take. */
export interface LiteralEnvironment {
  /** The policy's own account. */
  readonly account: string;
  /** The policy's own Region. */
  readonly region: string;
  /** The policy's partition. */
  readonly partition: string;
}

/** A token for opaque text outside account, Region and partition positions. */
export const OPAQUE_TOKEN = 'deputy-opaque';

const MARK = '\u0000';
const ACCOUNT_KEYS = new Set(['aws:sourceaccount', 'aws:sourceowner', 'aws:principalaccount', 'aws:resourceaccount']);

/** A policy as literal data, and whether any confused-deputy value in it was known only at deploy time. */
export interface LiteralPolicy {
  /** The document with stand-ins. */
  readonly document: LiteralPolicyDocument;
  /**
   * True when an aws:Source* value has opaque parts: the legitimate call's values are then unknown, so only
   * calls from another account can be judged.
   */
  readonly opaqueSourceValues: boolean;
}

/** The literal policy, or undefined when a statement that could change the outcome cannot be read. */
export function literalPolicy(statements: readonly StatementView[], environment: LiteralEnvironment): LiteralPolicy | undefined {
  const literal: Statement<string>[] = [];
  for (const statement of statements) {
    const converted = literalStatement(statement, environment);
    if (converted === 'unreadable') {
      if (statement.effect !== 'Allow') return undefined;
      continue;
    }
    literal.push(converted);
  }
  if (literal.length === 0) return undefined;
  const opaqueSourceValues = statements.some((statement) =>
    statement.condition.clauses.some((clause) => clause.key.toLowerCase().startsWith('aws:source') && clause.items.some((item) => isOpaqueOrPlaceholder(clause.key, item))),
  );
  return { document: { Version: '2012-10-17', Statement: literal }, opaqueSourceValues };
}

/** One statement as literal data; `unreadable` when its effect, principal, actions or conditions are not static. */
export function literalStatement(statement: StatementView, environment: LiteralEnvironment): Statement<string> | 'unreadable' {
  if (statement.effect === undefined || statement.condition.unknown || statement.principal?.unknown) return 'unreadable';
  const actions = statement.actions.map((action) => literalText(action, 'other', environment));
  if (actions.length === 0 || actions.some((action) => action === undefined)) return 'unreadable';
  const principal = literalPrincipal(statement, environment);
  if (principal === 'unreadable') return 'unreadable';
  const resources = statement.resources.map((resource) => literalText(resource, 'arn', environment)).filter((value): value is string => value !== undefined);
  const condition: Record<string, Record<string, string | string[]>> = {};
  for (const clause of statement.condition.clauses) {
    const values = literalClauseValues(clause, environment);
    if (values === undefined) return 'unreadable';
    (condition[clause.operator.trim()] ??= {})[clause.key] = values.length === 1 && clause.value.kind !== 'array' ? values[0]! : values;
  }
  return {
    Effect: statement.effect,
    ...(principal !== undefined ? { Principal: principal } : {}),
    ...(statement.notActions ? { NotAction: actions as string[] } : { Action: actions as string[] }),
    ...(resources.length > 0 ? { Resource: resources } : {}),
    ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
  } as Statement<string>;
}

function literalPrincipal(statement: StatementView, environment: LiteralEnvironment): Statement<string>['Principal'] | 'unreadable' | undefined {
  const principal = statement.principal;
  if (!principal) return undefined;
  if (principal.anyone && principal.services.length === 0 && principal.aws.every((value) => literalText(value, 'other', environment) === '*')) return '*';
  const services = principal.services.map((value) => literalText(value, 'other', environment));
  const aws = principal.aws.map((value) => literalText(value, 'arn', environment));
  if (services.some((value) => value === undefined) || aws.some((value) => value === undefined)) return 'unreadable';
  return {
    ...(services.length > 0 ? { Service: services as string[] } : {}),
    ...(aws.length > 0 ? { AWS: aws as string[] } : {}),
  };
}

function literalClauseValues(clause: ConditionClause, environment: LiteralEnvironment): string[] | undefined {
  const key = clause.key.toLowerCase();
  const position: Position = ACCOUNT_KEYS.has(key) ? 'account' : key === 'aws:sourceorgid' || key === 'aws:principalorgid' ? 'organization' : 'arn';
  const values = clause.items.map((item) => literalText(item, position, environment));
  return values.some((value) => value === undefined) ? undefined : (values as string[]);
}

type Position = 'account' | 'organization' | 'arn' | 'other';

const ACCOUNT_FIELD = /^(\d{12}|[\d*?]*[*?][\d*?]*|)$/;
const REGION_FIELD = /^([a-z]{2}(-[a-z]+)+-\d+|[a-z0-9*?-]*[*?][a-z0-9*?-]*|)$/;

/** True when a value is known only at deploy time, or is a documentation placeholder. */
function isOpaqueOrPlaceholder(key: string, item: LocatedValue): boolean {
  if (item.kind === 'number' || item.kind === 'boolean') return false;
  const parts = textPartsOf(item);
  if (parts === undefined || parts.some((part) => typeof part !== 'string')) return true;
  return isPlaceholder(key, parts.join(''));
}

/**
 * True for prose placeholders as documentation writes them (`account-id`, `arn:aws:svc:region:account-id:*`):
 * a template, not a policy, so the service's own call cannot be judged against it. aws:SourceOwner counts
 * too: the legacy key some services (SES, S3 to SNS) still send is not modelled in the scenario calls.
 */
function isPlaceholder(key: string, text: string): boolean {
  const lowered = key.toLowerCase();
  if (lowered === 'aws:sourceowner') return true;
  if (lowered === 'aws:sourceaccount') return !ACCOUNT_FIELD.test(text);
  if (lowered === 'aws:sourcearn' && text.startsWith('arn:')) {
    const fields = text.split(':');
    return !REGION_FIELD.test(fields[3] ?? '') || !ACCOUNT_FIELD.test(fields[4] ?? '');
  }
  return false;
}

/** A value as literal text with stand-ins for its opaque parts; undefined for anything but text, numbers and booleans. */
export function literalText(value: LocatedValue, position: Position, environment: LiteralEnvironment): string | undefined {
  if (value.kind === 'number' || value.kind === 'boolean') return value.raw;
  const parts = textPartsOf(value);
  if (parts === undefined) return undefined;
  if (parts.every((part) => typeof part === 'string')) return parts.join('');
  return withStandIns(parts, position, environment);
}

function withStandIns(parts: readonly TextPart[], position: Position, environment: LiteralEnvironment): string {
  const marked = parts.map((part) => (typeof part === 'string' ? part : MARK)).join('');
  if (position === 'account') return marked.split(MARK).join(environment.account);
  if (position === 'organization') return marked.split(MARK).join('o-deputyown');
  if (position === 'arn' && marked.startsWith('arn:')) {
    const fields = marked.split(':');
    const standIn = [OPAQUE_TOKEN, environment.partition, OPAQUE_TOKEN, environment.region, environment.account];
    return fields.map((field, index) => field.split(MARK).join(standIn[index] ?? OPAQUE_TOKEN)).join(':');
  }
  return marked.split(MARK).join(OPAQUE_TOKEN);
}
