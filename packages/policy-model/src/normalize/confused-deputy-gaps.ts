/**
 * Finds Allow statements that trust an AWS service principal without any confused-deputy condition key.
 * Used to refuse such definitions (secure by default) and to warn in `convert` (which stays faithful).
 */
import { integrationFor, integrationKindOfActions, isDocumented, serviceByPrincipal } from '../catalog/service-catalog.js';
import type { PrincipalUsage } from '../catalog/service-catalog.js';
import type { IntegrationKind, ServiceCatalogEntry } from '../catalog/service-catalog-entry.js';
import type { PolicyDocument } from '../policy/policy-document.js';
import { listOf, statementsOf } from '../policy/policy-document.js';

/** Condition keys that bind a service's request to a source account, resource or organization. */
export const SOURCE_KEYS = ['aws:sourceaccount', 'aws:sourcearn', 'aws:sourceorgid', 'aws:sourceorgpaths', 'aws:sourceowner'];

/** One service principal trusted without confused-deputy conditions. */
export interface ConfusedDeputyGap {
  /** Index of the statement in the document. */
  readonly statementIndex: number;
  /** The statement's Sid, when it has one. */
  readonly sid?: string;
  /** The service principal. */
  readonly principal: string;
  /** The catalog entry, when the principal is known. */
  readonly entry?: ServiceCatalogEntry;
  /** True when the catalog records that AWS documents no confused-deputy key for this service in this use. */
  readonly exempt: boolean;
  /** The integration the statement serves (a role trust, or the resource type its actions name). */
  readonly usage: PrincipalUsage | IntegrationKind;
}

/**
 * Every unprotected service principal of every Allow statement, in order. `usage` says which integration
 * the document serves (a role trust, or a resource policy), which decides whether AWS documents keys there.
 */
export function confusedDeputyGaps<S>(document: PolicyDocument<S>, usage: PrincipalUsage | IntegrationKind = 'trust'): ConfusedDeputyGap[] {
  const gaps: ConfusedDeputyGap[] = [];
  statementsOf(document).forEach((statement, statementIndex) => {
    if (statement.Effect !== 'Allow' || !statement.Principal || statement.Principal === '*') return;
    if (hasSourceCondition(statement.Condition)) return;
    for (const principal of listOf(statement.Principal.Service)) {
      if (typeof principal !== 'string') continue;
      const entry = serviceByPrincipal(principal)?.entry;
      const resolved = statementUsage(usage, listOf(statement.Action ?? []));
      gaps.push({
        statementIndex,
        ...(statement.Sid !== undefined ? { sid: statement.Sid } : {}),
        principal,
        ...(entry ? { entry } : {}),
        exempt: entry !== undefined && !isDocumented(integrationFor(entry, resolved)),
        usage: resolved,
      });
    }
  });
  return gaps;
}

/**
 * The integration one statement of a document serves: for a resource policy of unknown kind, the resource
 * type its actions name (`sns:Publish` → an SNS topic policy), as lint and verify judge it.
 */
export function statementUsage(usage: PrincipalUsage | IntegrationKind, actions: readonly unknown[]): PrincipalUsage | IntegrationKind {
  if (usage !== 'resource') return usage;
  const kind = integrationKindOfActions(actions.filter((action): action is string => typeof action === 'string'));
  return kind !== undefined && kind !== 'role-trust' ? kind : 'resource';
}

function hasSourceCondition(condition: object | undefined): boolean {
  if (!condition) return false;
  return Object.values(condition).some((keys) => Object.keys(keys as object).some((key) => SOURCE_KEYS.includes(key.toLowerCase())));
}
