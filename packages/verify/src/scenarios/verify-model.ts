/**
 * `deputy verify` over a whole model (a definition, or a policy file read by `convert`): every role's
 * trust policy and every resource policy, each in a literal environment.
 */
import type { DeputyModel, IntegrationKind, PolicyDocument, PrincipalUsage, WaiverRecord } from '@deputy/policy-model';
import type { LiteralEnvironment } from './literal-environment.js';
import { literalEnvironment, literalPolicy } from './literal-environment.js';
import type { ServiceVerification, VerifyEnvironment } from './scenario.js';
import type { PolicyVerification } from './verify-policy.js';
import { verifyPolicy } from './verify-policy.js';
import { formatPolicyVerification } from './format-verification.js';

/** Options of {@link verifyModel}: values for fields the model leaves to the deployment, and scenario settings. */
export type ModelVerificationOptions = Partial<LiteralEnvironment> & Omit<VerifyEnvironment, 'account' | 'region' | 'partition'>;

/** A service whose confused-deputy conditions the definition waived, with the recorded reason. */
export interface WaivedService {
  /** The service as the definition names it (key or principal); `*` for a waiver of the whole policy. */
  readonly service: string;
  /** The reason recorded with the waiver. */
  readonly reason: string;
}

/** The verification of one policy of a model. */
export interface ModelPolicyVerification {
  /** `role <name>` or `resource policy <name>`. */
  readonly label: string;
  /** The role or resource policy name. */
  readonly name: string;
  /** Trust or resource policy. */
  readonly kind: PrincipalUsage;
  /** The environment it was verified in. */
  readonly environment: LiteralEnvironment;
  /** The verification. */
  readonly verification: PolicyVerification;
  /** Waived services; a failed verification of one of them does not fail the policy. */
  readonly waived: readonly WaivedService[];
  /** True when every service verification passed or belongs to a waived service. */
  readonly passed: boolean;
}

/** The verification of a whole model. */
export interface ModelVerification {
  /** The file the model came from. */
  readonly source: string;
  /** Every trust and resource policy, in model order. */
  readonly policies: readonly ModelPolicyVerification[];
  /** True when every policy passed (unverified principals and waived services do not count). */
  readonly passed: boolean;
}

/** Verifies every trust policy and resource policy of `model`. */
export function verifyModel(model: DeputyModel, options: ModelVerificationOptions = {}): ModelVerification {
  // Roles of one definition often share a trust policy word for word (a catalog service, the same account):
  // within this call the options are fixed, so each distinct literal document is verified once.
  const verified = new Map<string, PolicyVerification>();
  const verify = (label: string, name: string, kind: PrincipalUsage, document: PolicyDocument, waivers: readonly WaiverRecord[] = [], policyWaiver?: string, integration?: IntegrationKind): ModelPolicyVerification => {
    const environment = literalEnvironment(model.environment, options, document);
    const literal = literalPolicy(document, environment);
    const key = JSON.stringify([literal, environment, kind, integration ?? null]);
    let verification = verified.get(key);
    if (verification === undefined) {
      verification = verifyPolicy(literal, { ...options, ...environment, kind, ...(integration ? { integration } : {}) });
      verified.set(key, verification);
    }
    const waived: WaivedService[] = [...waivers.map((waiver) => ({ service: waiver.service, reason: waiver.reason })), ...(policyWaiver !== undefined ? [{ service: '*', reason: policyWaiver }] : [])];
    const isWaived = (service: ServiceVerification): boolean => waived.some((waiver) => waiver.service === '*' || waiver.service === service.service || waiver.service === service.principal);
    const passed = verification.services.every((service) => service.passed || isWaived(service)) && verification.federated.every((item) => item.passed);
    return { label, name, kind, environment, verification, waived, passed };
  };
  const policies = [
    ...model.roles.map((role) => verify(`role ${role.name}`, role.name, 'trust', role.trustPolicy, role.waivers, role.policyWaiver)),
    ...model.resourcePolicies.map((policy) =>
      verify(`resource policy ${policy.name}`, policy.name, 'resource', policy.document, policy.waivers, policy.policyWaiver, policy.attachment.type === 'document' ? undefined : policy.attachment.type),
    ),
  ];
  return { source: model.source, policies, passed: policies.every((policy) => policy.passed) };
}

/** The text of a model verification: each policy's tables, then one summary line. */
export function formatModelVerification(verification: ModelVerification): string {
  const blocks = verification.policies.map((policy) => {
    const shown = policy.waived.filter((waiver) => waiver.service !== '*' || !policy.waived.some((other) => other.service !== '*' && other.reason === waiver.reason));
    const waived = shown.map((waiver) => `waived: ${waiver.service === '*' ? 'every service of this policy' : waiver.service}: ${waiver.reason}\n`).join('');
    return `== ${policy.label} (${policy.kind} policy)\n${formatPolicyVerification(policy.verification, policy.label)}${waived}`;
  });
  const failed = verification.policies.filter((policy) => !policy.passed).length;
  const summary = `${verification.source}: ${verification.policies.length - failed} of ${verification.policies.length} policies proven${failed > 0 ? `, ${failed} FAILED` : ''}\n`;
  return [...blocks, summary].join('\n');
}
