/**
 * The one judgement every command makes from the scenario matrix: which failed scenarios are defects, and
 * of which class. `deputy lint` reports them as DPT014 / DPT015 / DPT016; `emit` and `snippet` refuse to
 * write a definition that has them (unless the service is waived); `deputy verify` shows the whole table.
 *
 * - `another-account`: the service's call for another account (its aws:SourceAccount, a resource ARN in it,
 *   its organization) is allowed: the confused deputy itself.
 * - `service-denied`: the service's own call, with the keys AWS documents that it sends here, is denied.
 * - `weaker`: the call for another account is denied, but one documented key admits another account,
 *   resource or organization, so the protection rests on the other keys alone.
 */
import type { ScenarioName, ScenarioResult, ServiceVerification } from './scenario.js';

/** The class of a defect found by the scenario matrix. */
export type JudgementClass = 'another-account' | 'service-denied' | 'weaker';

/** One defect: its class and the scenario that shows it. */
export interface JudgementFinding {
  /** The class. */
  readonly judgement: JudgementClass;
  /** The failed scenario (its request, the decision and what decided it). */
  readonly scenario: ScenarioResult;
}

/** Options of {@link judgeServiceVerification}. */
export interface JudgeOptions {
  /**
   * Whether to judge the service's own call: only where AWS documents the keys the service sends here and
   * the policy's values are known (not a template with placeholders, not deploy-time references).
   */
  readonly judgeLegitimate: boolean;
}

/** Single-key attacks that show a written key not doing its part. */
const WEAKER_SCENARIOS: readonly ScenarioName[] = ['foreign-source-account', 'foreign-source-arn', 'foreign-organization'];

/** The defects of one service's verification, worst first; empty when it passed. */
export function judgeServiceVerification(service: ServiceVerification, options: JudgeOptions): JudgementFinding[] {
  const failed = service.scenarios.filter((scenario) => !scenario.pass);
  const findings: JudgementFinding[] = [];
  const foreign = failed.find((scenario) => scenario.scenario === 'foreign-account');
  if (foreign) findings.push({ judgement: 'another-account', scenario: foreign });
  const legitimate = options.judgeLegitimate ? failed.find((scenario) => scenario.scenario === 'legitimate') : undefined;
  if (legitimate) findings.push({ judgement: 'service-denied', scenario: legitimate });
  if (findings.length > 0) return findings;
  for (const scenario of failed) {
    if (WEAKER_SCENARIOS.includes(scenario.scenario)) findings.push({ judgement: 'weaker', scenario });
  }
  return findings;
}

/** What a defect means, in words: the scenario's call and the class. */
export function describeJudgement(finding: JudgementFinding, service: ServiceVerification): string {
  const who = service.principal === '*' ? 'Principal "*"' : service.principal;
  switch (finding.judgement) {
    case 'another-account':
      return service.principal === '*' ? `${who} lets ${finding.scenario.description}` : `${who} can act for another account: ${finding.scenario.description} is allowed`;
    case 'service-denied':
      return `${who}'s own call is denied (${finding.scenario.description}): ${finding.scenario.decidedBy}`;
    case 'weaker':
      return `${who} is protected less than AWS documents: ${finding.scenario.description} is allowed`;
  }
}
