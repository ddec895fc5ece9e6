/**
 * The scenario matrix for one service principal: the legitimate call (the service, own account, a resource
 * of the service in the own account and Region) must be allowed; a foreign aws:SourceAccount, a SourceArn in
 * a foreign account, a missing SourceAccount or SourceArn (each only where AWS documents that key for the
 * service), a foreign or missing organization (where the policy uses organization keys), another service
 * principal and another partition must be denied. Each scenario changes one thing of the legitimate call, so
 * the row that fails names the protection that is missing.
 */
import type { IntegrationKind, LiteralPolicyDocument, PrincipalUsage } from '@deputy/policy-model';
import { DEFAULT_REGIONS, DeputyInputError, PARTITIONS, findService, integrationFor, keysSentIn, requiredKeys, suggestServices, trustActionsOf } from '@deputy/policy-model';
import { evaluatePolicy } from '../evaluator/evaluate-policy.js';
import type { EvaluationRequest } from '../evaluator/request.js';
import { assumedContext } from './assumed-context.js';
import type { CallShape } from './call-shape.js';
import { contextOfCall } from './call-shape.js';
import type { PlannedScenario } from './plan-scenarios.js';
import { planScenarios } from './plan-scenarios.js';
import { concreteActions, concreteResource, organizationOf, sourceAccountOf } from './policy-facts.js';
import { callingPrincipal, otherServicePrincipal } from './principal-forms.js';
import type { ScenarioResult, ServiceTrustTarget, ServiceVerification } from './scenario.js';
import type { CallOrigin } from './source-arn.js';
import { inPartition, legitimateSourceArn } from './source-arn.js';

const FOREIGN_ACCOUNTS = ['999988887777', '999988887778', '999988887779'];

/** Runs the scenario matrix for `target.service` against `document`. Throws DeputyInputError for an unknown service. */
export function verifyServiceTrust(document: LiteralPolicyDocument, target: ServiceTrustTarget): ServiceVerification {
  const written = typeof target.service === 'string' ? target.service : target.service.key;
  const match = typeof target.service === 'string' ? findService(target.service) : { entry: target.service };
  if (!match) throw unknownService(written);
  const { entry } = match;
  const usage: PrincipalUsage | IntegrationKind = target.usage ?? 'trust';
  const isTrust = usage === 'trust' || usage === 'role-trust';
  const integration = integrationFor(entry, usage);
  const region = ('region' in match ? match.region : undefined) ?? target.region;
  const principal = callingPrincipal(entry, written, target.partition, region, target.partition);
  const origin: CallOrigin = { account: target.sourceAccount ?? sourceAccountOf(document, principal, target.account), region, partition: target.partition };
  const organization = organizationOf(document, principal, integration, target.organizationId);
  // An organization-wide trust (aws:SourceOrgID / SourceOrgPaths where the service sends them, as AWS
  // documents) stands in for the account and resource keys, as it does for emit and lint.
  const required = integration?.organizationKeys === 'sent' && organization !== undefined ? [] : requiredKeys(integration);
  const sent = keysSentIn(integration);
  const sourceArn = sent.includes('aws:SourceArn') ? legitimateSourceArn(document, principal, integration, origin) : undefined;
  const legitimate: CallShape = {
    principal,
    ...(sent.includes('aws:SourceAccount') ? { sourceAccount: origin.account } : {}),
    ...(sourceArn !== undefined ? { sourceArn } : {}),
    ...(organization ?? {}),
  };
  const { planned, skipped } = planScenarios({
    entry,
    integration,
    legitimate,
    owner: target.account,
    required,
    sent,
    foreignAccount: target.foreignAccount ?? FOREIGN_ACCOUNTS.find((account) => account !== origin.account && account !== target.account)!,
    otherService: otherServicePrincipal(document, entry, origin.partition, region),
    otherPartitions: PARTITIONS.filter((partition) => partition !== origin.partition).map((partition) => ({
      partition,
      principal: callingPrincipal(entry, written, partition, DEFAULT_REGIONS[partition], origin.partition),
      ...(sourceArn !== undefined ? { sourceArn: inPartition(sourceArn, partition) } : {}),
    })),
  });
  const owner: CallOrigin = { ...origin, account: target.account };
  const requestBase = {
    assumed: { ...assumedContext(document, principal), ...(target.context ?? {}) },
    resource: target.resource ?? (isTrust ? `arn:${owner.partition}:iam::${owner.account}:role/deputy-verify` : concreteResource(document, principal, owner)),
  };
  const actions = target.actions ?? (isTrust ? trustActionsOf(entry) : concreteActions(document, principal));
  const problems = new Set<string>();
  const scenarios = actions.flatMap((action) =>
    planned.map((plan) => {
      const { result, problems: found } = runScenario(document, plan, action, requestBase);
      found.forEach((problem) => problems.add(problem));
      return result;
    }),
  );
  return {
    service: entry.key,
    principal,
    usage,
    account: target.account,
    sourceAccount: origin.account,
    region,
    partition: origin.partition,
    legitimateSourceArn: sourceArn ?? null,
    scenarios,
    skipped,
    assumedContext: requestBase.assumed,
    problems: [...problems],
    passed: scenarios.every((scenario) => scenario.pass),
  };
}

function runScenario(
  document: LiteralPolicyDocument,
  { scenario, description, shape, expected }: PlannedScenario,
  action: string,
  base: { readonly assumed: EvaluationRequest['context']; readonly resource: string | undefined },
): { result: ScenarioResult; problems: readonly string[] } {
  const request: EvaluationRequest = {
    principal: { type: 'Service', id: shape.principal },
    action,
    ...(base.resource !== undefined ? { resource: base.resource } : {}),
    context: contextOfCall(base.assumed, shape),
  };
  const evaluation = evaluatePolicy(document, request);
  const result: ScenarioResult = {
    scenario,
    description,
    action,
    principal: shape.principal,
    expected,
    actual: evaluation.decision,
    ...(evaluation.statement ? { statement: evaluation.statement } : {}),
    ...(evaluation.condition ? { condition: evaluation.condition } : {}),
    decidedBy: evaluation.explanation,
    pass: expected === 'Allow' ? evaluation.decision === 'Allow' : evaluation.decision !== 'Allow',
    request,
  };
  return { result, problems: evaluation.problems };
}

function unknownService(service: string): DeputyInputError {
  const suggestions = suggestServices(service);
  return new DeputyInputError([
    {
      code: 'unknown-service',
      message: `service ${JSON.stringify(service)} is not in the service catalog`,
      hint: suggestions.length > 0 ? `did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}? (deputy services lists them)` : 'deputy services lists the catalog',
    },
  ]);
}
