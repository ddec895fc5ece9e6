/**
 * Builds the trust statement for one trusted service: the catalog's principal and trust actions, and
 * exactly the confused-deputy keys AWS documents for the service, with the operator each value needs.
 */
import { findService, integrationFor, isDocumented, keysSentBy, noKeysNotice, trustActionsOf } from '../catalog/service-catalog.js';
import type { TrustedServiceDefinition } from '../definition/definition.js';
import type { Environment } from '../model/value.js';
import type { WaiverRecord } from '../model/model.js';
import { interpolate } from '../model/value.js';
import type { ConditionValue, Statement } from '../policy/policy-document.js';
import { listOf } from '../policy/policy-document.js';
import { environmentPart, fromCatalogPattern, fromDefinitionText } from './placeholders.js';
import { ConditionBuilder } from './condition-builder.js';
import { servicePrincipalOf, sourceArnOperator } from './service-statement-parts.js';
import type { PathProblem } from '../policy/validate-policy.js';
import type { PathSegment } from '../load/source-document.js';

/** The statement for one trusted service, notices to print with it, and problems that prevent it. */
export interface TrustStatementResult {
  /** The statement, when it could be built. */
  readonly statement?: Statement;
  /** Remarks for the output (waivers, documented absences of keys). */
  readonly notices: string[];
  /** The waiver, when the definition waived the conditions. */
  readonly waiver?: WaiverRecord;
  /** Problems in the trusted-service definition. */
  readonly problems: PathProblem[];
}

/** Builds the trust statement of `trusted`, found at `path` in the definition. */
export function buildTrustStatement(trusted: TrustedServiceDefinition, environment: Environment, path: readonly PathSegment[]): TrustStatementResult {
  const match = findService(trusted.service);
  const entry = match?.entry;
  const principal = entry && (trusted.service === entry.key || trusted.service === entry.principal || (entry.aliases ?? []).includes(trusted.service)) ? servicePrincipalOf(entry, environment) : trusted.service;
  const integration = entry ? integrationFor(entry, 'trust') : undefined;
  const baseActions = trustActionsOf(entry);
  const actions = [...baseActions, ...(trusted.extraActions ?? []).filter((action) => !baseActions.includes(action))];
  const notices: string[] = [];
  const problems: PathProblem[] = [];
  const condition = new ConditionBuilder();

  let waiver: WaiverRecord | undefined;
  if (trusted.waiver) {
    waiver = { service: trusted.service, reason: trusted.waiver.reason };
    notices.push(waiverNotice(waiver));
  } else if (entry && !isDocumented(integration) && !hasExplicitKeys(trusted)) {
    notices.push(noKeysNotice(entry, 'trust'));
  } else {
    const keys = entry ? [...(isDocumented(integration) ? integration.keys : [])] : explicitKeys(trusted);
    if (!entry && keys.length === 0) {
      problems.push({
        code: 'unknown-service',
        message: `service ${JSON.stringify(trusted.service)} is not in the service catalog`,
        hint: 'use a catalog key or principal (deputy services lists them), or give sourceArn / sourceAccount / sourceOrgId for this principal, or a waiver with a reason',
        path: [...path, 'service'],
      });
      return { notices, problems };
    }
    for (const [field, key] of [
      ['sourceAccount', 'aws:SourceAccount'],
      ['sourceArn', 'aws:SourceArn'],
    ] as const) {
      if (entry && trusted[field] !== undefined && !keysSentBy(entry).includes(key)) {
        problems.push({
          code: 'key-not-sent',
          message: `${entry.name} does not send ${key} (AWS documents ${keysSentBy(entry).join(', ') || 'no key'})`,
          hint: `remove ${field}: requiring a key the service does not send denies the service itself`,
          path: [...path, field],
        });
      }
    }
    const organizationWide = (trusted.sourceOrgId !== undefined || trusted.sourceOrgPaths !== undefined) && integration?.organizationKeys === 'sent';
    if (entry && (trusted.sourceOrgId !== undefined || trusted.sourceOrgPaths !== undefined) && integration?.organizationKeys === 'not-sent') {
      problems.push({
        code: 'key-not-sent',
        message: `${entry.name} does not send aws:SourceOrgID / aws:SourceOrgPaths in role trust policies (AWS documents it)`,
        hint: 'remove sourceOrgId / sourceOrgPaths: requiring a key the service does not send denies the service itself',
        path: [...path, trusted.sourceOrgId !== undefined ? 'sourceOrgId' : 'sourceOrgPaths'],
      });
    }
    if ((keys.includes('aws:SourceAccount') && !organizationWide) || trusted.sourceAccount !== undefined) {
      const account = trusted.sourceAccount !== undefined ? fromDefinitionText(trusted.sourceAccount, environment) : interpolate([environmentPart('account', environment)]);
      condition.add('StringEquals', 'aws:SourceAccount', account);
    }
    if (trusted.sourceOrgId !== undefined) condition.add('StringEquals', 'aws:SourceOrgID', trusted.sourceOrgId);
    if ((keys.includes('aws:SourceArn') && !organizationWide) || trusted.sourceArn !== undefined) {
      const texts = trusted.sourceArn !== undefined ? listOf(trusted.sourceArn) : integration?.sourceArn ? [integration.sourceArn.pattern] : [];
      const sourceEnvironment: Environment = trusted.sourceAccount !== undefined ? { ...environment, account: { kind: 'literal', value: trusted.sourceAccount } } : environment;
      const arns = trusted.sourceArn !== undefined ? texts.map((arn) => fromDefinitionText(arn, environment)) : texts.map((pattern) => fromCatalogPattern(pattern, sourceEnvironment));
      if (arns.length === 0) {
        problems.push({ code: 'missing-source-arn', message: `${entry?.name ?? trusted.service} needs aws:SourceArn but the catalog has no default pattern`, hint: 'give sourceArn', path });
      } else {
        const operator = sourceArnOperator(integration?.sourceArn?.operator, texts);
        condition.add(operator, 'aws:SourceArn', arns.length === 1 ? arns[0]! : arns);
      }
    }
    if (keys.includes('aws:SourceOrgID') && trusted.sourceOrgId === undefined && keys.length === 1) {
      problems.push({ code: 'missing-org-id', message: `${entry?.name ?? trusted.service} is protected by aws:SourceOrgID`, hint: 'give sourceOrgId: o-…', path });
    }
    if (trusted.sourceOrgPaths) condition.add('ForAnyValue:StringLike', 'aws:SourceOrgPaths', trusted.sourceOrgPaths.length === 1 ? trusted.sourceOrgPaths[0]! : [...trusted.sourceOrgPaths]);
  }
  for (const [operator, keys] of Object.entries(trusted.conditions ?? {})) {
    for (const [key, value] of Object.entries(keys)) {
      const converted = Array.isArray(value) ? value.map((v) => convertValue(v, environment)) : convertValue(value as ConditionValue<string>, environment);
      if (!condition.add(operator, key, converted)) {
        problems.push({ code: 'duplicate-condition', message: `condition ${operator} ${key} is already set by deputy`, hint: 'remove it from conditions, or override it through sourceArn / sourceAccount', path: [...path, 'conditions', operator, key] });
      }
    }
  }
  const statement: Statement = {
    Effect: 'Allow',
    Principal: { Service: principal },
    Action: actions.length === 1 ? actions[0]! : actions,
    ...(condition.isEmpty() ? {} : { Condition: condition.build() }),
  };
  return { statement, notices, problems, ...(waiver ? { waiver } : {}) };
}

/** The notice printed for a waiver. */
export function waiverNotice(waiver: WaiverRecord): string {
  return `Confused-deputy conditions for ${waiver.service} waived: ${waiver.reason}`;
}

function hasExplicitKeys(trusted: TrustedServiceDefinition): boolean {
  return explicitKeys(trusted).length > 0;
}

function explicitKeys(trusted: TrustedServiceDefinition): string[] {
  return [
    ...(trusted.sourceAccount !== undefined ? ['aws:SourceAccount'] : []),
    ...(trusted.sourceArn !== undefined ? ['aws:SourceArn'] : []),
    ...(trusted.sourceOrgId !== undefined ? ['aws:SourceOrgID'] : []),
  ];
}

function convertValue(value: ConditionValue<string>, environment: Environment): ConditionValue {
  return typeof value === 'string' ? fromDefinitionText(value, environment) : value;
}
