/**
 * Verifies every service principal a policy allows: for a trust policy each distinct service principal of
 * its Allow statements, for a resource policy each service principal of each Allow statement (with that
 * statement's actions and resource). Principals the catalog does not know are listed as unverified.
 */
import type { IntegrationKind, LiteralPolicyDocument, PrincipalUsage } from '@deputy/policy-model';
import { findService, integrationKindOfActions, listOf, statementsOf, suggestServices } from '@deputy/policy-model';
import type { ServiceVerification, VerifyEnvironment } from './scenario.js';
import { verifyServiceTrust } from './verify-service-trust.js';
import { verifyFederatedTrust, type FederatedVerification } from './federated-scenarios.js';
import { concreteText } from './source-arn.js';
import { concreteAction } from './policy-facts.js';
import { widenBareArnWildcards } from './bare-arn-wildcard.js';
import { anyServiceVerification } from './any-service-probe.js';

/** A service principal deputy could not verify, and why. */
export interface UnverifiedPrincipal {
  /** The statement that allows it. */
  readonly statementIndex: number;
  /** The statement's Sid, when it has one. */
  readonly sid?: string;
  /** The principal as written. */
  readonly principal: string;
  /** Why it was not verified. */
  readonly reason: string;
}

/** The verification of one policy document. */
export interface PolicyVerification {
  /** Trust or resource policy. */
  readonly kind: PrincipalUsage;
  /** One verification per service principal (per statement, for a resource policy). */
  readonly services: readonly ServiceVerification[];
  /** Service principals not verified. */
  readonly unverified: readonly UnverifiedPrincipal[];
  /** Federated (OIDC, SAML) and whole-account principals of a trust policy, with their scenarios. */
  readonly federated: readonly FederatedVerification[];
  /** True when every verified service and federated principal passed; unverified principals do not count. */
  readonly passed: boolean;
}

/** Options of {@link verifyPolicy}. */
export interface PolicyVerificationOptions extends VerifyEnvironment {
  /** Whether the document is a role trust policy or a resource policy. */
  readonly kind: PrincipalUsage;
  /**
   * The resource type a resource policy is attached to (`s3-bucket`, `sns-topic`…), which decides the keys
   * the service sends; when absent it is judged from each statement's actions.
   */
  readonly integration?: IntegrationKind;
}

/** Verifies every service principal the document allows. */
export function verifyPolicy(written: LiteralPolicyDocument, options: PolicyVerificationOptions): PolicyVerification {
  const { kind, integration, ...environment } = options;
  const document = widenBareArnWildcards(written);
  const services: ServiceVerification[] = [];
  const unverified: UnverifiedPrincipal[] = [];
  const seen = new Set<string>();
  statementsOf(document).forEach((statement, statementIndex) => {
    if (statement.Effect !== 'Allow' || !statement.Principal || statement.Principal === '*') return;
    for (const principal of listOf(statement.Principal.Service)) {
      if (!findService(principal)) {
        const suggestions = suggestServices(principal);
        const hint = suggestions.length > 0 ? `; did you mean ${suggestions.join(' or ')}?` : '';
        unverified.push({ statementIndex, ...(statement.Sid !== undefined ? { sid: statement.Sid } : {}), principal, reason: `not in the service catalog${hint}` });
        continue;
      }
      if (kind === 'trust') {
        if (seen.has(principal)) continue;
        seen.add(principal);
        services.push(verifyServiceTrust(document, { ...environment, service: principal, usage: 'trust' }));
        continue;
      }
      const actions = listOf(statement.Action).map(concreteAction);
      const resource = listOf(statement.Resource).find((value) => !value.includes('${'));
      services.push(
        verifyServiceTrust(document, {
          ...environment,
          service: principal,
          usage: integration ?? integrationKindOfActions(listOf(statement.Action)) ?? 'resource',
          ...(actions.length > 0 ? { actions } : {}),
          ...(resource !== undefined && resource !== '*' ? { resource: concreteText(resource) } : {}),
        }),
      );
    }
  });
  const federated = kind === 'trust' ? verifyFederatedTrust(document) : [];
  const probe = anyServiceVerification(document, environment);
  if (probe) services.push(probe);
  return { kind, services, unverified, federated, passed: services.every((service) => service.passed) && federated.every((item) => item.passed) };
}

/** Verifies a role trust policy. */
export function verifyTrustPolicy(document: LiteralPolicyDocument, environment: VerifyEnvironment): PolicyVerification {
  return verifyPolicy(document, { ...environment, kind: 'trust' });
}

/** Verifies every service-principal Allow statement of a resource policy. */
export function verifyResourcePolicy(document: LiteralPolicyDocument, environment: VerifyEnvironment): PolicyVerification {
  return verifyPolicy(document, { ...environment, kind: 'resource' });
}
