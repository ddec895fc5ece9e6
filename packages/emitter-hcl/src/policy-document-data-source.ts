/**
 * A policy document as `data "aws_iam_policy_document"`: `version`, `policy_id`, and one `statement`
 * block per statement with `sid`, `effect`, `actions` / `not_actions`, `resources` / `not_resources`,
 * `principals` / `not_principals` blocks (one per principal type; `"*"` as type `*` with identifiers
 * `["*"]`) and one `condition` block per operator × key. Call it only for documents without a
 * meaning-changing gap (see `policy-document-gaps.ts`).
 */
import {
  statementsOf,
  listOf,
  type ConditionValue,
  type OneOrMany,
  type PolicyDocument,
  type PolicyString,
  type Principal,
  type Statement,
} from '@deputy/policy-model';
import { policyStringExpression, type ReferenceContext } from './environment-references.js';
import { attribute, block, text, tuple, type HclBlock, type HclBodyItem, type HclExpression } from './hcl-syntax.js';

/** The Terraform type of the policy document data source. */
export const POLICY_DOCUMENT_DATA_SOURCE = 'aws_iam_policy_document';

/** `data "aws_iam_policy_document" "<label>" { … }` for a document. */
export function policyDocumentDataBlock(label: string, document: PolicyDocument, context: ReferenceContext): HclBlock {
  const body: HclBodyItem[] = [];
  if (document.Version !== undefined) body.push(attribute('version', text(document.Version)));
  if (document.Id !== undefined && document.Id !== '') body.push(attribute('policy_id', text(document.Id)));
  for (const statement of statementsOf(document)) body.push(statementBlock(statement, context));
  return block('data', [POLICY_DOCUMENT_DATA_SOURCE, label], body);
}

/** The reference to a policy document data source's JSON. */
export function policyDocumentJsonPath(label: string): string {
  return `data.${POLICY_DOCUMENT_DATA_SOURCE}.${label}.json`;
}

function statementBlock(statement: Statement, context: ReferenceContext): HclBlock {
  const body: HclBodyItem[] = [];
  if (statement.Sid !== undefined && statement.Sid !== '') body.push(attribute('sid', text(statement.Sid)));
  body.push(attribute('effect', text(statement.Effect)));
  const lists = [
    ['actions', statement.Action],
    ['not_actions', statement.NotAction],
    ['resources', statement.Resource],
    ['not_resources', statement.NotResource],
  ] as const;
  for (const [name, value] of lists) {
    if (value !== undefined) body.push(attribute(name, stringList(value, context)));
  }
  body.push(...principalBlocks('principals', statement.Principal, context));
  body.push(...principalBlocks('not_principals', statement.NotPrincipal, context));
  for (const [operator, keys] of Object.entries(statement.Condition ?? {})) {
    for (const [variable, values] of Object.entries(keys)) {
      body.push(
        block('condition', [], [
          attribute('test', text(operator)),
          attribute('variable', text(variable)),
          attribute('values', tuple(conditionValues(values).map((value) => conditionValueExpression(value, context)))),
        ]),
      );
    }
  }
  return block('statement', [], body);
}

function principalBlocks(type: 'principals' | 'not_principals', principal: Principal | undefined, context: ReferenceContext): HclBlock[] {
  if (principal === undefined) return [];
  if (principal === '*') {
    return [block(type, [], [attribute('type', text('*')), attribute('identifiers', tuple([text('*')]))])];
  }
  return Object.entries(principal).flatMap(([principalType, identifiers]) =>
    identifiers === undefined
      ? []
      : [block(type, [], [attribute('type', text(principalType)), attribute('identifiers', stringList(identifiers, context))])],
  );
}

function stringList(value: OneOrMany<PolicyString>, context: ReferenceContext): HclExpression {
  return tuple(listOf(value).map((item) => policyStringExpression(item, context)));
}

function conditionValues(values: ConditionValue | readonly ConditionValue[]): readonly ConditionValue[] {
  return Array.isArray(values) ? values : [values as ConditionValue];
}

/** Condition values are strings in the data source; booleans and numbers are written as their text. */
function conditionValueExpression(value: ConditionValue, context: ReferenceContext): HclExpression {
  if (typeof value === 'boolean' || typeof value === 'number') return text(String(value));
  return policyStringExpression(value, context);
}
