/**
 * The scenarios of the matrix for one service, before evaluation: the legitimate call, then one change each.
 * Account scenarios run where the catalog documents aws:SourceAccount, SourceArn scenarios where it
 * documents aws:SourceArn (a key the service sends optionally carries no protection of its own), organization
 * scenarios where the policy uses organization keys, partition scenarios where a key or the principal names
 * the partition. Whatever does not run is listed with the reason. Both lists follow SCENARIO_NAMES.
 */
import type { ConfusedDeputyKey, Partition, Integration, ServiceCatalogEntry } from '@deputy/policy-model';
import type { CallShape } from './call-shape.js';
import { foreignOrganization, withoutOrganization, withoutSourceAccount, withoutSourceArn } from './call-shape.js';
import type { ExpectedOutcome, ScenarioName, SkippedScenario } from './scenario.js';
import { SCENARIO_NAMES } from './scenario.js';
import { withAccount } from './source-arn.js';

/** The organization foreign accounts belong to. */
export const FOREIGN_ORGANIZATION = 'o-deputyforeign';

/** A scenario to evaluate. */
export interface PlannedScenario {
  /** Which scenario. */
  readonly scenario: ScenarioName;
  /** What it simulates, in words. */
  readonly description: string;
  /** The call. */
  readonly shape: CallShape;
  /** Allow for the legitimate call, Deny otherwise. */
  readonly expected: ExpectedOutcome;
}

/** The call of the service in another partition. */
export interface OtherPartitionCall {
  /** The partition. */
  readonly partition: Partition;
  /** The service principal there. */
  readonly principal: string;
  /** The legitimate aws:SourceArn moved to that partition, when there is one. */
  readonly sourceArn?: string;
}

/** What the plan is built from. */
export interface ScenarioPlanInput {
  /** The service. */
  readonly entry: ServiceCatalogEntry;
  /** The integration the policy serves, when the catalog knows it. */
  readonly integration: Integration | undefined;
  /** The legitimate call. */
  readonly legitimate: CallShape;
  /** The owner of the role or resource, when it differs from the account the call comes from. */
  readonly owner: string;
  /** The keys AWS documents for the service where the policy is used. */
  readonly required: readonly ConfusedDeputyKey[];
  /** The keys the service sends there (documented and optional). */
  readonly sent: readonly ConfusedDeputyKey[];
  /** The account attacks come from. */
  readonly foreignAccount: string;
  /** A service principal the policy does not name. */
  readonly otherService: string;
  /** The calls from the other partitions. */
  readonly otherPartitions: readonly OtherPartitionCall[];
}

/** The scenarios to run and those that do not apply. */
export function planScenarios(input: ScenarioPlanInput): { readonly planned: PlannedScenario[]; readonly skipped: SkippedScenario[] } {
  const planned: PlannedScenario[] = [legitimateScenario(input)];
  const skipped: SkippedScenario[] = [];
  for (const outcome of [foreignAccountScenario(input), ...accountScenarios(input), ...sourceArnScenarios(input), ...organizationScenarios(input), ...otherCallerScenarios(input)]) {
    if ('reason' in outcome) skipped.push(outcome);
    else planned.push(outcome);
  }
  const order = (outcome: Outcome): number => SCENARIO_NAMES.indexOf(outcome.scenario);
  return { planned: planned.sort((a, b) => order(a) - order(b)), skipped: skipped.sort((a, b) => order(a) - order(b)) };
}

type Outcome = PlannedScenario | SkippedScenario;

const attack = (scenario: ScenarioName, description: string, shape: CallShape): PlannedScenario => ({ scenario, description, shape, expected: 'Deny' });

function legitimateScenario({ legitimate, owner }: ScenarioPlanInput): PlannedScenario {
  const parts = [
    legitimate.sourceAccount !== undefined ? `aws:SourceAccount ${legitimate.sourceAccount}` : undefined,
    legitimate.sourceArn !== undefined ? `aws:SourceArn ${legitimate.sourceArn}` : undefined,
    legitimate.organizationId !== undefined ? `aws:SourceOrgID ${legitimate.organizationId}` : undefined,
  ].filter((part): part is string => part !== undefined);
  const from = legitimate.sourceAccount !== undefined && legitimate.sourceAccount !== owner ? ` (cross-account delivery to ${owner})` : '';
  return { scenario: 'legitimate', description: `${parts.length > 0 ? parts.join(', ') : 'no confused-deputy keys'}${from}`, shape: legitimate, expected: 'Allow' };
}

function notRequired({ entry, sent }: ScenarioPlanInput, key: ConfusedDeputyKey): string {
  return sent.includes(key) ? `${key} is optional for ${entry.name}; the documented keys carry the protection` : `${entry.name} does not send ${key}`;
}

/**
 * The confused deputy itself: the same service acting for another account, every key it sends naming that
 * account (its aws:SourceAccount, a resource ARN in it, its organization). A bucket ARN has no account field,
 * so the other account's call names another bucket. Skipped when the service sends no key here: then no
 * policy can tell the accounts apart, and the catalog says so.
 */
function foreignAccountScenario({ entry, legitimate, foreignAccount, sent }: ScenarioPlanInput): Outcome {
  if (sent.length === 0) return { scenario: 'foreign-account', reason: `${entry.name} sends no confused-deputy key here, so no condition can tell accounts apart` };
  const sourceArn = legitimate.sourceArn === undefined ? undefined : (withAccount(legitimate.sourceArn, foreignAccount) ?? otherResource(legitimate.sourceArn));
  const shape: CallShape = {
    principal: legitimate.principal,
    ...(legitimate.sourceAccount !== undefined ? { sourceAccount: foreignAccount } : {}),
    ...(sourceArn !== undefined ? { sourceArn } : {}),
    ...foreignOrganization(legitimate, FOREIGN_ORGANIZATION),
  };
  const parts = [
    shape.sourceAccount !== undefined ? `aws:SourceAccount ${shape.sourceAccount}` : undefined,
    shape.sourceArn !== undefined ? `aws:SourceArn ${shape.sourceArn}` : undefined,
    shape.organizationId !== undefined ? `aws:SourceOrgID ${shape.organizationId}` : undefined,
  ].filter((part): part is string => part !== undefined);
  return attack('foreign-account', `another account's call: ${parts.join(', ')}`, shape);
}

/** The same ARN naming another resource (for ARNs without an account field, such as S3 buckets). */
function otherResource(arn: string): string {
  return arn.replace(/[^:/]*$/, (last) => (last === '*' || last === '' ? 'deputy-foreign-resource' : `${last}-deputy-foreign`));
}

function accountScenarios(input: ScenarioPlanInput): Outcome[] {
  const { legitimate, foreignAccount } = input;
  if (!input.required.includes('aws:SourceAccount')) {
    const reason = notRequired(input, 'aws:SourceAccount');
    return [{ scenario: 'foreign-source-account', reason }, { scenario: 'missing-source-account', reason }];
  }
  return [
    attack('foreign-source-account', `aws:SourceAccount ${foreignAccount}`, { ...legitimate, sourceAccount: foreignAccount, ...foreignOrganization(legitimate, FOREIGN_ORGANIZATION) }),
    attack('missing-source-account', 'no aws:SourceAccount', withoutSourceAccount(legitimate)),
  ];
}

function sourceArnScenarios(input: ScenarioPlanInput): Outcome[] {
  const { legitimate, foreignAccount } = input;
  const sourceArn = legitimate.sourceArn;
  if (!input.required.includes('aws:SourceArn') || sourceArn === undefined) {
    const reason = notRequired(input, 'aws:SourceArn');
    return [{ scenario: 'foreign-source-arn', reason }, { scenario: 'missing-source-arn', reason }];
  }
  const foreignArn = withAccount(sourceArn, foreignAccount);
  return [
    foreignArn === undefined
      ? { scenario: 'foreign-source-arn', reason: `aws:SourceArn ${sourceArn} has no account field; aws:SourceAccount pins the owner` }
      : attack('foreign-source-arn', `aws:SourceArn ${foreignArn}`, { ...legitimate, sourceArn: foreignArn, ...foreignOrganization(legitimate, FOREIGN_ORGANIZATION) }),
    attack('missing-source-arn', 'no aws:SourceArn', withoutSourceArn(legitimate)),
  ];
}

function organizationScenarios({ entry, integration, legitimate }: ScenarioPlanInput): Outcome[] {
  if (legitimate.organizationId === undefined) {
    const reason = integration?.organizationKeys === 'not-sent' ? `${entry.name} does not send organization keys` : 'the policy does not use organization keys';
    return [{ scenario: 'foreign-organization', reason }, { scenario: 'missing-organization', reason }];
  }
  return [
    attack('foreign-organization', `aws:SourceOrgID ${FOREIGN_ORGANIZATION}`, { ...legitimate, ...foreignOrganization(legitimate, FOREIGN_ORGANIZATION) }),
    attack('missing-organization', 'no aws:SourceOrgID or aws:SourceOrgPaths', withoutOrganization(legitimate)),
  ];
}

function otherCallerScenarios({ legitimate, required, otherService, otherPartitions }: ScenarioPlanInput): Outcome[] {
  const outcomes: Outcome[] = [attack('other-service', `${otherService} with the legitimate keys`, { ...legitimate, principal: otherService })];
  for (const call of otherPartitions) {
    if (call.principal === legitimate.principal && (call.sourceArn === undefined || !required.includes('aws:SourceArn'))) {
      outcomes.push({ scenario: 'other-partition', reason: `${call.partition}: the principal is the same there and no required key names the partition` });
      continue;
    }
    const arn = call.sourceArn !== undefined ? `, aws:SourceArn ${call.sourceArn}` : '';
    outcomes.push(attack('other-partition', `${call.partition}: ${call.principal}${arn}`, { ...legitimate, principal: call.principal, ...(call.sourceArn !== undefined ? { sourceArn: call.sourceArn } : {}) }));
  }
  return outcomes;
}
