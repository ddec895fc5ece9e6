/**
 * What a policy says about one service principal, read before the scenarios are built: which account the
 * service acts from, which organization it belongs to, and a concrete action and resource to request.
 */
import type { LiteralPolicyDocument, Integration, ServiceCatalogEntry, Statement } from '@deputy/policy-model';
import { listOf, statementsOf } from '@deputy/policy-model';
import { principalBlockNames } from '../evaluator/match-principal.js';
import type { CallShape } from './call-shape.js';
import type { CallOrigin } from './source-arn.js';
import { concreteText } from './source-arn.js';

/** The statements with the given effect whose Principal names the service principal. */
export function statementsNaming(document: LiteralPolicyDocument, principal: string, effect?: 'Allow' | 'Deny'): Statement<string>[] {
  return statementsOf(document).filter(
    (statement) => (effect === undefined || statement.Effect === effect) && statement.Principal !== undefined && principalBlockNames(statement.Principal, { type: 'Service', id: principal }),
  );
}

/** Every value of a condition key (compared case-insensitively) in non-negated conditions of the statements. */
function positiveValues(statements: readonly Statement<string>[], key: string): string[] {
  return statements.flatMap((statement) =>
    Object.entries(statement.Condition ?? {})
      .filter(([operator]) => !/Not/.test(operator))
      .flatMap(([, keys]) => Object.entries(keys).filter(([name]) => name.toLowerCase() === key))
      .flatMap(([, value]) => listOf(value).map(String)),
  );
}

/**
 * The account the service acts from: the policy owner's account when the Allow statements' aws:SourceAccount
 * or aws:SourceArn values name it (or name no account), else the first account they name (cross-account
 * delivery, such as an organization trail writing from the management account).
 */
export function sourceAccountOf(document: LiteralPolicyDocument, principal: string, own: string): string {
  const allows = statementsNaming(document, principal, 'Allow');
  const named = [
    ...positiveValues(allows, 'aws:sourceaccount').filter((value) => /^\d{12}$/.test(value)),
    ...positiveValues(allows, 'aws:sourcearn')
      .map((value) => value.split(':')[4] ?? '')
      .filter((account) => /^\d{12}$/.test(account)),
  ];
  return named.length === 0 || named.includes(own) ? own : named[0]!;
}

/**
 * The organization keys of the legitimate call, when the policy uses organization keys for the service and
 * the service sends them: the configured organization, else the one the policy names.
 */
export function organizationOf(document: LiteralPolicyDocument, principal: string, integration: Integration | undefined, configured: string | undefined): Pick<CallShape, 'organizationId' | 'organizationPaths'> | undefined {
  if (integration?.organizationKeys === 'not-sent') return undefined;
  const naming = statementsNaming(document, principal);
  const referenced = naming.some((statement) =>
    Object.values(statement.Condition ?? {}).some((keys) => Object.keys(keys).some((key) => ['aws:sourceorgid', 'aws:sourceorgpaths'].includes(key.toLowerCase()))),
  );
  if (!referenced && configured === undefined) return undefined;
  const allows = naming.filter((statement) => statement.Effect === 'Allow');
  const organizationId = configured ?? positiveValues(allows, 'aws:sourceorgid').find((id) => !/[*?]/.test(id)) ?? 'o-deputyverify';
  const path = positiveValues(allows, 'aws:sourceorgpaths')[0];
  return { organizationId, organizationPaths: [path !== undefined ? concreteText(path) : `${organizationId}/r-deputy/ou-deputy-verify/`] };
}

/** An action a policy action covers: `*` alone becomes `sts:AssumeRole`, wildcards inside become text. */
export function concreteAction(action: string): string {
  return /^\*+$/.test(action) ? 'sts:AssumeRole' : action.replace(/\*/g, 'DeputyVerify').replace(/\?/g, 'X');
}

/** The actions of the Allow statements naming the principal, made concrete. */
export function concreteActions(document: LiteralPolicyDocument, principal: string): string[] {
  const actions = new Set<string>();
  for (const statement of statementsNaming(document, principal, 'Allow')) {
    for (const action of listOf(statement.Action)) actions.add(concreteAction(action));
  }
  return actions.size > 0 ? [...actions] : ['sts:AssumeRole'];
}

/** The first resource of the Allow statements naming the principal, with wildcards made concrete. */
export function concreteResource(document: LiteralPolicyDocument, principal: string, owner: CallOrigin): string | undefined {
  for (const statement of statementsNaming(document, principal, 'Allow')) {
    const resource = listOf(statement.Resource).find((value) => !value.includes('${'));
    if (resource !== undefined) return resource === '*' ? `arn:${owner.partition}:iam::${owner.account}:role/deputy-verify` : concreteText(resource);
  }
  return undefined;
}
