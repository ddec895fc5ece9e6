/**
 * Where `data "aws_iam_policy_document"` cannot reproduce a document exactly.
 *
 * The data source rebuilds the policy from typed blocks (terraform-provider-aws,
 * internal/service/iam/policy_document_data_source.go and policy_model.go), and that loses some of what a
 * JSON document can say. Each loss is named here. A gap that `changesMeaning` makes the emitter write that
 * document with `jsonencode` instead, under a comment; the others are differences of form that IAM reads
 * identically, and the round-trip tests account for each of them by name.
 *
 * Checked and not a gap: `"Principal": "*"` and `{"AWS": "*"}` stay distinct (provider ≥ 1.16, PR #4248:
 * only a lone `principals { type = "*" identifiers = ["*"] }` becomes `"*"`); condition values keep their
 * order, duplicates and empty strings; a Sid of any characters is accepted (the 5.82 alphanumeric check
 * was reverted in 5.84).
 */
import {
  listOf,
  resolvePolicyString,
  statementsOf,
  type ConditionValue,
  type OneOrMany,
  type PolicyDocument,
  type PolicyString,
  type Principal,
  type Statement,
} from '@deputy/policy-model';
import type { Environment } from '@deputy/policy-model';

/** What the gap checks read: the environment, whose literal values they inline. */
export interface GapContext {
  /** The model's environment. */
  readonly environment: Environment;
}

/** The name of one way the data source departs from the document. */
export type PolicyDocumentGapName =
  | 'statement-object-becomes-list'
  | 'single-element-list-becomes-string'
  | 'string-sets-sorted-and-deduplicated'
  | 'condition-scalars-become-strings'
  | 'empty-sid-dropped'
  | 'empty-id-dropped'
  | 'empty-condition-dropped'
  | 'keys-reordered'
  | 'missing-version'
  | 'ampersand-brace-becomes-policy-variable'
  | 'empty-list-dropped'
  | 'empty-string-in-set'
  | 'empty-condition-operator'
  | 'empty-principal'
  | 'duplicate-sid'
  | 'empty-statement-list';

/** One named gap. */
export interface PolicyDocumentGap {
  /** Stable name, used in comments and tests. */
  readonly name: PolicyDocumentGapName;
  /** True when the data source's policy would mean something else (or the data source would fail). */
  readonly changesMeaning: boolean;
  /** What the data source does. */
  readonly description: string;
}

/** Every known gap, in the order the emitter reports them. */
export const POLICY_DOCUMENT_GAPS: readonly PolicyDocumentGap[] = [
  {
    name: 'missing-version',
    changesMeaning: true,
    description: 'the document has no Version (IAM reads 2008-10-17, without policy variables); the data source always writes one, 2012-10-17 by default',
  },
  {
    name: 'ampersand-brace-becomes-policy-variable',
    changesMeaning: true,
    description: 'a Resource, NotResource, principal identifier or condition value contains "&{", which the data source rewrites to "${" (and rejects under 2008-10-17)',
  },
  {
    name: 'empty-list-dropped',
    changesMeaning: true,
    description: 'an Action, NotAction, Resource, NotResource, principal identifier or condition value list is empty; the data source drops the element or rejects the block',
  },
  {
    name: 'empty-string-in-set',
    changesMeaning: true,
    description: 'an Action, NotAction, Resource, NotResource or principal identifier is the empty string, which the provider\'s string sets do not keep reliably',
  },
  {
    name: 'empty-condition-operator',
    changesMeaning: true,
    description: 'a condition operator has no keys; condition blocks are one per operator and key, so the operator would vanish',
  },
  {
    name: 'empty-principal',
    changesMeaning: true,
    description: 'a Principal or NotPrincipal object has no types; without a principals block the element would vanish',
  },
  {
    name: 'duplicate-sid',
    changesMeaning: true,
    description: 'two statements share a non-empty Sid, which the data source rejects',
  },
  {
    name: 'empty-statement-list',
    changesMeaning: true,
    description: 'Statement is an empty list; the data source omits the Statement element entirely',
  },
  {
    name: 'statement-object-becomes-list',
    changesMeaning: false,
    description: 'a single Statement object comes back as a one-element list',
  },
  {
    name: 'single-element-list-becomes-string',
    changesMeaning: false,
    description: 'a one-element Action, NotAction, Resource, NotResource, principal identifier or condition value list comes back as a plain string',
  },
  {
    name: 'string-sets-sorted-and-deduplicated',
    changesMeaning: false,
    description: 'Action, NotAction, Resource, NotResource and principal identifiers are sets: duplicates are dropped and several values come back in reverse byte order',
  },
  {
    name: 'condition-scalars-become-strings',
    changesMeaning: false,
    description: 'boolean and number condition values come back as strings ("true", "42"); IAM compares condition values as strings',
  },
  { name: 'empty-sid-dropped', changesMeaning: false, description: 'an empty Sid is omitted' },
  { name: 'empty-id-dropped', changesMeaning: false, description: 'an empty Id is omitted' },
  { name: 'empty-condition-dropped', changesMeaning: false, description: 'an empty Condition object is omitted' },
  {
    name: 'keys-reordered',
    changesMeaning: false,
    description: 'keys come back in the data source\'s order: Action, NotAction, Resource, NotResource before Principal, NotPrincipal and Condition; principal types, operators and condition keys alphabetically',
  },
];

const GAPS_BY_NAME = new Map(POLICY_DOCUMENT_GAPS.map((gap) => [gap.name, gap]));

/** The gap with this name. */
export function policyDocumentGap(name: PolicyDocumentGapName): PolicyDocumentGap {
  return GAPS_BY_NAME.get(name) as PolicyDocumentGap;
}

/** Every gap a document runs into, in {@link POLICY_DOCUMENT_GAPS} order. */
export function policyDocumentGaps(document: PolicyDocument, context: GapContext): PolicyDocumentGap[] {
  const found = new Set<PolicyDocumentGapName>();
  const resolve = (value: PolicyString): string => resolveForInspection(value, context);
  if (document.Version === undefined) found.add('missing-version');
  if (document.Id === '') found.add('empty-id-dropped');
  if (!Array.isArray(document.Statement)) found.add('statement-object-becomes-list');
  const statements = statementsOf(document);
  if (statements.length === 0) found.add('empty-statement-list');
  const sids = statements.map((statement) => statement.Sid).filter((sid): sid is string => sid !== undefined && sid !== '');
  if (new Set(sids).size !== sids.length) found.add('duplicate-sid');
  for (const statement of statements) inspectStatement(statement, resolve, found);
  return POLICY_DOCUMENT_GAPS.filter((gap) => found.has(gap.name));
}

/** The gaps that change a document's meaning: any of them sends the document to `jsonencode`. */
export function meaningChangingGaps(document: PolicyDocument, context: GapContext): PolicyDocumentGap[] {
  return policyDocumentGaps(document, context).filter((gap) => gap.changesMeaning);
}

function inspectStatement(statement: Statement, resolve: (value: PolicyString) => string, found: Set<PolicyDocumentGapName>): void {
  if (statement.Sid === '') found.add('empty-sid-dropped');
  for (const key of ['Action', 'NotAction'] as const) inspectSet(statement[key], resolve, found, false);
  for (const key of ['Resource', 'NotResource'] as const) inspectSet(statement[key], resolve, found, true);
  for (const key of ['Principal', 'NotPrincipal'] as const) inspectPrincipal(statement[key], resolve, found);
  const hasPrincipal = statement.Principal !== undefined || statement.NotPrincipal !== undefined;
  const hasTarget = ['Action', 'NotAction', 'Resource', 'NotResource'].some((key) => key in statement);
  if (hasPrincipal && hasTarget) found.add('keys-reordered');
  if (statement.Condition === undefined) return;
  const operators = Object.keys(statement.Condition);
  if (operators.length === 0) found.add('empty-condition-dropped');
  if (!isSorted(operators)) found.add('keys-reordered');
  for (const keys of Object.values(statement.Condition)) {
    const names = Object.keys(keys);
    if (names.length === 0) found.add('empty-condition-operator');
    if (!isSorted(names)) found.add('keys-reordered');
    for (const values of Object.values(keys)) inspectConditionValues(values, resolve, found);
  }
}

function inspectPrincipal(
  principal: Principal | undefined,
  resolve: (value: PolicyString) => string,
  found: Set<PolicyDocumentGapName>,
): void {
  if (principal === undefined || principal === '*') return;
  const types = Object.keys(principal);
  if (types.length === 0) found.add('empty-principal');
  if (!isSorted(types)) found.add('keys-reordered');
  for (const identifiers of Object.values(principal)) inspectSet(identifiers, resolve, found, true);
}

function inspectSet(
  value: OneOrMany<PolicyString> | undefined,
  resolve: (value: PolicyString) => string,
  found: Set<PolicyDocumentGapName>,
  rewritesAmpersand: boolean,
): void {
  if (value === undefined) return;
  const texts = listOf(value).map(resolve);
  if (Array.isArray(value) && texts.length === 0) found.add('empty-list-dropped');
  if (Array.isArray(value) && texts.length === 1) found.add('single-element-list-becomes-string');
  if (texts.includes('')) found.add('empty-string-in-set');
  if (rewritesAmpersand && texts.some((item) => item.includes('&{'))) found.add('ampersand-brace-becomes-policy-variable');
  if (texts.length > 1 && !isReverseSortedUnique(texts)) found.add('string-sets-sorted-and-deduplicated');
}

function inspectConditionValues(
  values: ConditionValue | readonly ConditionValue[],
  resolve: (value: PolicyString) => string,
  found: Set<PolicyDocumentGapName>,
): void {
  const list: readonly ConditionValue[] = Array.isArray(values) ? values : [values as ConditionValue];
  if (Array.isArray(values) && list.length === 0) found.add('empty-list-dropped');
  if (Array.isArray(values) && list.length === 1) found.add('single-element-list-becomes-string');
  for (const value of list) {
    if (typeof value === 'boolean' || typeof value === 'number') found.add('condition-scalars-become-strings');
    else if (resolve(value).includes('&{')) found.add('ampersand-brace-becomes-policy-variable');
  }
}

/**
 * A policy string as text for inspection: literal environment values inlined, every other reference as
 * `0` (account IDs, Region codes and partitions never contain `&`, `{` or nothing at all).
 */
function resolveForInspection(value: PolicyString, context: GapContext): string {
  return (
    resolvePolicyString(value, (field) => {
      const environment = context.environment[field];
      return environment.kind === 'literal' ? environment.value : '0';
    }) ?? ''
  );
}

/** Compares strings the way Go does: by their UTF-8 bytes. */
export function compareUtf8(left: string, right: string): number {
  return Buffer.compare(Buffer.from(left, 'utf8'), Buffer.from(right, 'utf8'));
}

function isReverseSortedUnique(texts: readonly string[]): boolean {
  return texts.every((item, index) => index === 0 || compareUtf8(texts[index - 1] as string, item) > 0);
}

function isSorted(keys: readonly string[]): boolean {
  return keys.every((key, index) => index === 0 || compareUtf8(keys[index - 1] as string, key) <= 0);
}
