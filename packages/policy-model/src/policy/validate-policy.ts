/**
 * The IAM policy grammar check: returns every problem of a document at once, each with the path of the
 * offending value. After this check, code trusts the data.
 */
import { suggestionHint } from '../did-you-mean.js';
import type { PathSegment } from '../load/source-document.js';
import type { SourceLocation } from '../problems.js';
import { OPERATOR_SUGGESTIONS, parseConditionOperator } from './condition-operators.js';
import { DOCUMENT_KEY_ORDER, PRINCIPAL_TYPES, STATEMENT_KEY_ORDER } from './policy-document.js';

/** A problem found before it has a file location. */
export interface PathProblem {
  /** Stable code. */
  readonly code: string;
  /** What is wrong. */
  readonly message: string;
  /** How to fix it. */
  readonly hint: string;
  /** Where, inside the data. */
  readonly path: readonly PathSegment[];
  /** Point at the key of the last path segment rather than its value (unknown or misspelt names). */
  readonly atKey?: boolean;
  /** The command-line flag the value came from, when it did not come from the file. */
  readonly flag?: string;
  /** Where the value was written when it came from another file (an environment file, `--env-file`). */
  readonly location?: SourceLocation;
}

/** Problems about a name rather than a value: reported at the key. */
const KEY_CODES = new Set(['unknown-policy-field', 'unknown-statement-field', 'exclusive-fields', 'invalid-principal-type', 'invalid-operator', 'invalid-condition-key']);

/** Longer condition keys are refused: no IAM key comes near it, and YAML readers cannot read keys past 1024 characters. */
export const MAX_CONDITION_KEY_LENGTH = 512;

const VERSIONS = ['2012-10-17', '2008-10-17'];
const ACTION_PATTERN = /^(\*|[A-Za-z0-9_.-]+:[A-Za-z0-9_.*?-]*)$/;
const AWS_PRINCIPAL_PATTERN = /^(\*|\d{12}|arn:aws[a-z-]*:(iam|sts)::(\d{12}|aws|cloudfront)?:\S[\s\S]*|A[A-Z]{3}[A-Z0-9]{12,})$/;
const SERVICE_PRINCIPAL_PATTERN = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$|^[a-z0-9][a-z0-9.-]*\.(amazon\.com|aws\.internal|c2s\.ic\.gov|sc2s\.sgov\.gov)$/;

/** Checks a value against the IAM policy grammar; `path` prefixes every reported path. */
export function validatePolicyDocument(value: unknown, path: readonly PathSegment[] = []): PathProblem[] {
  const problems: PathProblem[] = [];
  const report = (at: readonly PathSegment[], code: string, message: string, hint: string): void => {
    problems.push({ code, message, hint, path: at, ...(KEY_CODES.has(code) ? { atKey: true } : {}) });
  };
  if (isObject(value) && value.Statement === undefined && value.Effect !== undefined) {
    report(path, 'statement-not-policy', 'this is a single statement, not a policy document', 'wrap it: { "Version": "2012-10-17", "Statement": [ … ] }');
    return problems;
  }
  if (!isObject(value)) {
    report(path, 'policy-not-object', 'a policy document must be an object', 'write { "Version": "2012-10-17", "Statement": [ … ] }');
    return problems;
  }
  for (const key of Object.keys(value)) {
    if (!(DOCUMENT_KEY_ORDER as readonly string[]).includes(key)) {
      report([...path, key], 'unknown-policy-field', `unknown policy field "${key}"`, suggestionHint(key, DOCUMENT_KEY_ORDER, 'a policy has only Version, Id and Statement'));
    }
  }
  if (value.Version !== undefined && !VERSIONS.includes(value.Version as string)) {
    report([...path, 'Version'], 'invalid-version', `invalid policy Version ${JSON.stringify(value.Version)}`, 'use "2012-10-17"');
  }
  if (value.Id !== undefined && typeof value.Id !== 'string') {
    report([...path, 'Id'], 'invalid-id', 'Id must be a string', 'quote the Id');
  }
  const statements = value.Statement;
  if (statements === undefined) {
    report(path, 'missing-statement', 'the policy has no Statement', 'add "Statement": [ … ]');
  } else if (Array.isArray(statements)) {
    if (statements.length === 0) report([...path, 'Statement'], 'empty-statement', 'Statement is an empty list', 'add at least one statement');
    statements.forEach((statement, index) => validateStatement(statement, [...path, 'Statement', index], report));
  } else {
    validateStatement(statements, [...path, 'Statement'], report);
  }
  return problems;
}

/** Checks a `Condition` block alone (used for extra conditions in definitions). */
export function validateConditionBlock(value: unknown, path: readonly PathSegment[]): PathProblem[] {
  const problems: PathProblem[] = [];
  validateCondition(value, path, (at, code, message, hint) => problems.push({ code, message, hint, path: at, ...(KEY_CODES.has(code) ? { atKey: true } : {}) }));
  return problems;
}

type Report = (at: readonly PathSegment[], code: string, message: string, hint: string) => void;

function validateStatement(value: unknown, path: readonly PathSegment[], report: Report): void {
  if (!isObject(value)) {
    report(path, 'statement-not-object', 'a statement must be an object', 'write { "Effect": "Allow", "Action": …, … }');
    return;
  }
  for (const key of Object.keys(value)) {
    if (!(STATEMENT_KEY_ORDER as readonly string[]).includes(key)) {
      report([...path, key], 'unknown-statement-field', `unknown statement field "${key}"`, suggestionHint(key, STATEMENT_KEY_ORDER, 'see the IAM policy grammar'));
    }
  }
  if (value.Sid !== undefined && typeof value.Sid !== 'string') report([...path, 'Sid'], 'invalid-sid', 'Sid must be a string', 'quote the Sid');
  if (value.Effect !== 'Allow' && value.Effect !== 'Deny') {
    report(
      [...path, 'Effect'],
      'invalid-effect',
      value.Effect === undefined ? 'the statement has no Effect' : `invalid Effect ${JSON.stringify(value.Effect)}`,
      'Effect is "Allow" or "Deny" (case-sensitive)',
    );
  }
  exclusivePair(value, path, 'Principal', 'NotPrincipal', false, report);
  exclusivePair(value, path, 'Action', 'NotAction', true, report);
  exclusivePair(value, path, 'Resource', 'NotResource', false, report);
  if (value.Principal !== undefined) validatePrincipal(value.Principal, path, 'Principal', report);
  if (value.NotPrincipal !== undefined) validatePrincipal(value.NotPrincipal, path, 'NotPrincipal', report);
  if (value.Action !== undefined) validateStrings(value.Action, path, 'Action', report, actionProblem);
  if (value.NotAction !== undefined) validateStrings(value.NotAction, path, 'NotAction', report, actionProblem);
  if (value.Resource !== undefined) validateStrings(value.Resource, path, 'Resource', report, noProblem);
  if (value.NotResource !== undefined) validateStrings(value.NotResource, path, 'NotResource', report, noProblem);
  if (value.Condition !== undefined) validateCondition(value.Condition, [...path, 'Condition'], report);
}

function exclusivePair(value: Record<string, unknown>, path: readonly PathSegment[], key: string, negated: string, required: boolean, report: Report): void {
  if (value[key] !== undefined && value[negated] !== undefined) {
    report([...path, negated], 'exclusive-fields', `a statement cannot have both ${key} and ${negated}`, `keep one of ${key} and ${negated}`);
  } else if (required && value[key] === undefined && value[negated] === undefined) {
    report(path, 'missing-field', `the statement has neither ${key} nor ${negated}`, `add "${key}": […]`);
  }
}

/** Checks the principal at `owner[key]`. */
function validatePrincipal(value: unknown, owner: readonly PathSegment[], key: string, report: Report): void {
  if (value === '*') return;
  if (!isObject(value)) {
    report([...owner, key], 'invalid-principal', 'a principal must be "*" or an object such as { "Service": "…" }', 'write { "AWS": "arn:…" } or { "Service": "name.amazonaws.com" }');
    return;
  }
  const types = Object.keys(value);
  if (types.length === 0) report([...owner, key], 'empty-principal', 'the principal object is empty', 'name at least one principal');
  for (const type of types) {
    if (!(PRINCIPAL_TYPES as readonly string[]).includes(type)) {
      report([...owner, key, type], 'invalid-principal-type', `unknown principal type "${type}"`, suggestionHint(type, PRINCIPAL_TYPES, 'use AWS, Service, Federated or CanonicalUser'));
      continue;
    }
    validateStrings(value[type], [...owner, key], type, report, type === 'Service' ? servicePrincipalProblem : type === 'AWS' ? awsPrincipalProblem : noProblem);
  }
}

/** What is wrong with one string value, as a report's code, message and hint. */
type ValueProblem = readonly [code: string, message: string, hint: string];

function noProblem(): undefined {
  return undefined;
}

function actionProblem(text: string): ValueProblem | undefined {
  if (ACTION_PATTERN.test(text)) return undefined;
  return ['invalid-action', `invalid action ${JSON.stringify(text)}`, 'an action is "service:Action" (wildcards * and ? allowed) or "*"'];
}

function servicePrincipalProblem(text: string): ValueProblem | undefined {
  if (text.includes('*') || text.includes('?')) {
    return ['wildcard-service-principal', `wildcard in service principal ${JSON.stringify(text)}`, 'IAM does not match wildcards inside a service principal; list each principal, e.g. "kendra.amazonaws.com"'];
  }
  if (SERVICE_PRINCIPAL_PATTERN.test(text)) return undefined;
  return ['invalid-service-principal', `invalid service principal ${JSON.stringify(text)}`, 'a service principal looks like "name.amazonaws.com"'];
}

/** `*`, an account ID, an IAM/STS ARN or a unique ID; text holding placeholders is checked after substitution. */
function awsPrincipalProblem(text: string): ValueProblem | undefined {
  if (text.includes('{{') || AWS_PRINCIPAL_PATTERN.test(text)) return undefined;
  return ['invalid-aws-principal', `invalid AWS principal ${JSON.stringify(text)}`, 'an AWS principal is "*", a 12-digit account ID, or an ARN such as "arn:aws:iam::123456789012:role/name"'];
}

function validateCondition(value: unknown, path: readonly PathSegment[], report: Report): void {
  if (!isObject(value)) {
    report(path, 'invalid-condition', 'Condition must be an object of operators', 'write { "StringEquals": { "aws:SourceAccount": "…" } }');
    return;
  }
  for (const operator of Object.keys(value)) {
    const keys = value[operator];
    if (!parseConditionOperator(operator)) {
      report([...path, operator], 'invalid-operator', `unknown condition operator "${operator}"`, suggestionHint(operator.trim(), OPERATOR_SUGGESTIONS, 'see the IAM condition operators'));
    }
    if (!isObject(keys) || Object.keys(keys).length === 0) {
      report([...path, operator], 'invalid-condition-keys', `operator ${operator} must map condition keys to values`, 'write { "aws:SourceAccount": "123456789012" }');
      continue;
    }
    for (const key of Object.keys(keys)) validateConditionKey(key, keys[key], path, operator, report);
  }
}

/** Checks one condition key and its values, at `path[operator][key]`. */
function validateConditionKey(key: string, values: unknown, path: readonly PathSegment[], operator: string, report: Report): void {
  if (key.trim() === '' || key !== key.trim()) report([...path, operator, key], 'invalid-condition-key', `invalid condition key ${JSON.stringify(key)}`, 'remove surrounding spaces');
  else if (key.length > MAX_CONDITION_KEY_LENGTH) report([...path, operator, key], 'invalid-condition-key', `condition key of ${key.length} characters`, `IAM condition keys are short names such as aws:SourceArn; at most ${MAX_CONDITION_KEY_LENGTH} characters`);
  if (!Array.isArray(values)) {
    if (!isConditionValue(values)) report([...path, operator, key], 'invalid-condition-value', `condition values must be strings, booleans or numbers, not ${describe(values)}`, 'quote the value');
    return;
  }
  if (values.length === 0) report([...path, operator, key], 'empty-condition-values', `condition key ${key} has an empty list of values`, 'give at least one value');
  values.forEach((item, index) => {
    if (!isConditionValue(item)) report([...path, operator, key, index], 'invalid-condition-value', `condition values must be strings, booleans or numbers, not ${describe(item)}`, 'quote the value');
  });
}

function isConditionValue(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

/** Checks that `owner[key]` is a non-empty string or a non-empty list of them, each passing `problemOf`. */
function validateStrings(value: unknown, owner: readonly PathSegment[], key: PathSegment, report: Report, problemOf: (text: string) => ValueProblem | undefined): void {
  if (typeof value === 'string') {
    const problem = value === '' ? EMPTY_STRING : problemOf(value);
    if (problem) report([...owner, key], ...problem);
    return;
  }
  if (!Array.isArray(value)) {
    report([...owner, key], 'invalid-string-list', `expected a string or a list of strings, not ${describe(value)}`, 'write "value" or ["value", …]');
    return;
  }
  if (value.length === 0) report([...owner, key], 'empty-list', 'empty list', 'give at least one value');
  value.forEach((item, index) => {
    const problem = typeof item !== 'string' || item === '' ? ['invalid-string', `expected a non-empty string, not ${describe(item)}`, 'quote the value'] as const : problemOf(item);
    if (problem) report([...owner, key, index], ...problem);
  });
}

const EMPTY_STRING: ValueProblem = ['empty-string', 'empty string', 'give a value'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}
