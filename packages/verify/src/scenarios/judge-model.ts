/**
 * The judgement of a whole model, as located problems: what `emit`, `check` and `snippet` refuse to write.
 * Every role trust and resource policy goes through the scenario matrix ({@link verifyModel}); each defect
 * of a service that is not waived ({@link judgeServiceVerification}) becomes a problem at the role or
 * resource policy in the definition, so the loader reports it as `file:line:col` with a hint.
 */
import type { DeputyModel, PathProblem } from '@deputy/policy-model';
import { findService, integrationFor, isDocumented } from '@deputy/policy-model';
import { describeJudgement, judgeServiceVerification, type JudgementClass } from './judge-verification.js';
import type { ModelVerificationOptions } from './verify-model.js';
import { verifyModel } from './verify-model.js';

const HINTS: { readonly [judgement in JudgementClass]: (service: string) => string } = {
  'another-account': (service) => `pin aws:SourceAccount to the account and aws:SourceArn to its resources as AWS documents (deputy services ${service}), or add a waiver with a reason`,
  'service-denied': () => 'remove the condition the service cannot satisfy, or write the value it sends (deputy verify shows the call)',
  weaker: (service) => `pin every documented key to the account and its resources, no wildcard account, no other account (deputy services ${service})`,
};

/** Problems for every defect the scenario matrix finds in the model's policies, at `roles[i]` / `resourcePolicies[i]`. */
export function judgeModel(model: DeputyModel, options: ModelVerificationOptions = {}): PathProblem[] {
  const verification = verifyModel(model, options);
  const roleCount = model.roles.length;
  return verification.policies.flatMap((policy, index) => {
    const path = index < roleCount ? ['roles', index] : ['resourcePolicies', index - roleCount];
    const waived = (service: string, principal: string): boolean => policy.waived.some((waiver) => waiver.service === '*' || waiver.service === service || waiver.service === principal);
    return policy.verification.services
      .filter((service) => !service.passed && !waived(service.service, service.principal))
      .flatMap((service) => {
        const entry = findService(service.principal)?.entry;
        const judgeLegitimate = entry !== undefined && isDocumented(integrationFor(entry, service.usage));
        return judgeServiceVerification(service, { judgeLegitimate }).map(
          (finding): PathProblem => ({
            code: `confused-deputy-${finding.judgement}`,
            message: `${policy.label}: ${describeJudgement(finding, service)}`,
            hint: HINTS[finding.judgement](service.service),
            path,
          }),
        );
      });
  });
}
