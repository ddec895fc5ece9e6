/**
 * Builds the statement of one service grant in a resource policy: the catalog's principal, the actions, the
 * attached resource, and exactly the confused-deputy keys AWS documents for the service in this integration
 * (an S3 bucket policy, an SNS topic policy, an SQS queue policy, a Lambda permission), as trust statements
 * are built for role trusts. An integration AWS documents no key for gets a notice instead of a condition.
 */
import { findService, integrationFor, integrationLabel, isDocumented, noKeysNotice } from '../catalog/service-catalog.js';
import type { IntegrationKind } from '../catalog/service-catalog-entry.js';
import type { ServiceGrantDefinition } from '../definition/definition.js';
import type { PathSegment } from '../load/source-document.js';
import type { Environment } from '../model/value.js';
import { interpolate } from '../model/value.js';
import type { Statement } from '../policy/policy-document.js';
import { listOf } from '../policy/policy-document.js';
import type { PathProblem } from '../policy/validate-policy.js';
import { ConditionBuilder } from './condition-builder.js';
import { servicePrincipalOf, sourceArnOperator } from './service-statement-parts.js';
import { environmentPart, fromCatalogPattern, fromDefinitionText } from './placeholders.js';

/** The statement of one grant, notices to print with it, and problems that prevent it. */
export interface GrantStatementResult {
  /** The statement, when it could be built. */
  readonly statement?: Statement;
  /** Remarks for the output (documented absences of keys). */
  readonly notices: readonly string[];
  /** Problems in the grant. */
  readonly problems: readonly PathProblem[];
}

/** Where a grant's statement goes: the integration and the attached resource's default ARNs (definition text). */
export interface GrantTarget {
  /** The integration of the resource policy; `resource` when it is attached to nothing. */
  readonly kind: IntegrationKind | 'resource';
  /** The resource ARNs a grant without `resources` names. */
  readonly defaultResources: readonly string[];
}

/** Builds the statement of `grant`, found at `path` in the definition. */
export function buildGrantStatement(grant: ServiceGrantDefinition, target: GrantTarget, environment: Environment, path: readonly PathSegment[]): GrantStatementResult {
  const entry = findService(grant.service)?.entry;
  if (!entry) {
    return {
      notices: [],
      problems: [{ code: 'unknown-service', message: `service ${JSON.stringify(grant.service)} is not in the service catalog`, hint: 'use a catalog key or principal (deputy services lists them), or write the statement in document', path: [...path, 'service'] }],
    };
  }
  const resourceTexts = grant.resources !== undefined ? listOf(grant.resources) : target.defaultResources;
  if (resourceTexts.length === 0) {
    return { notices: [], problems: [{ code: 'missing-resources', message: 'the grant names no resource and the policy is attached to nothing', hint: 'give resources: the ARNs the service may act on', path }] };
  }
  const integration = integrationFor(entry, target.kind);
  const notices: string[] = [];
  const condition = new ConditionBuilder();
  if (isDocumented(integration) && (target.kind === 'resource' || integration.kind === target.kind)) {
    const keys = integration.keys;
    if (keys.includes('aws:SourceAccount') || grant.sourceAccount !== undefined) {
      const account = grant.sourceAccount !== undefined ? fromDefinitionText(grant.sourceAccount, environment) : interpolate([environmentPart('account', environment)]);
      condition.add('StringEquals', 'aws:SourceAccount', account);
    }
    if (keys.includes('aws:SourceArn') || grant.sourceArn !== undefined) {
      const written = grant.sourceArn !== undefined ? listOf(grant.sourceArn) : integration.sourceArn ? [integration.sourceArn.pattern] : [];
      const sourceEnvironment: Environment = grant.sourceAccount !== undefined ? { ...environment, account: { kind: 'literal', value: grant.sourceAccount } } : environment;
      const arns = written.map((text) => (grant.sourceArn !== undefined ? fromDefinitionText(text, environment) : fromCatalogPattern(text, sourceEnvironment)));
      if (arns.length > 0) condition.add(target.kind === 'lambda-permission' ? 'ArnLike' : sourceArnOperator(integration.sourceArn?.operator, written), 'aws:SourceArn', arns.length === 1 ? arns[0]! : arns);
    }
  } else {
    notices.push(noKeysNotice(entry, target.kind === 'resource' ? 'resource' : target.kind));
  }
  const actions = listOf(grant.actions);
  const resources = resourceTexts.map((text) => fromDefinitionText(text, environment));
  const statement: Statement = {
    ...(grant.sid !== undefined ? { Sid: grant.sid } : {}),
    Effect: 'Allow',
    Principal: { Service: servicePrincipalOf(entry, environment) },
    Action: actions.length === 1 ? actions[0]! : [...actions],
    Resource: resources.length === 1 ? resources[0]! : resources,
    ...(condition.isEmpty() ? {} : { Condition: condition.build() }),
  };
  return { statement, notices, problems: [] };
}

/** A readable name for the grant's integration, for messages. */
export function grantTargetLabel(target: GrantTarget): string {
  return target.kind === 'resource' ? 'resource policy' : integrationLabel({ kind: target.kind });
}

