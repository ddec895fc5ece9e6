/**
 * Statements that allow everyone (`Principal: "*"`, `"AWS": "*"`) and lean on confused-deputy keys to narrow
 * it: no service principal is named, so no catalog entry says which keys are sent. The probe asks the one
 * question that matters: does a call from some AWS service, acting for another account (its
 * aws:SourceAccount, a resource ARN in that account, its organization) get through? `ArnLike aws:SourceArn
 * "*"` under `Principal: "*"` lets every service act for every account.
 */
import type { LiteralPolicyDocument, Partition, Statement } from '@deputy/policy-model';
import { listOf, statementsOf } from '@deputy/policy-model';
import { evaluatePolicy } from '../evaluator/evaluate-policy.js';
import type { EvaluationRequest } from '../evaluator/request.js';
import { contextOfCall } from './call-shape.js';
import { assumedContext } from './assumed-context.js';
import { FOREIGN_ORGANIZATION } from './plan-scenarios.js';
import { concreteAction } from './policy-facts.js';
import type { ScenarioResult, ServiceVerification } from './scenario.js';
import { concreteText } from './source-arn.js';

/** The service principal the probe calls as: any service would do; this one is in no catalog. */
export const ANY_SERVICE_PRINCIPAL = 'any-service.amazonaws.com';

const SOURCE_KEYS = ['aws:sourceaccount', 'aws:sourcearn', 'aws:sourceorgid', 'aws:sourceorgpaths', 'aws:sourceowner'];

/** Where the probe runs. */
export interface ProbeEnvironment {
  /** The own account. */
  readonly account: string;
  /** The Region. */
  readonly region: string;
  /** The partition. */
  readonly partition: Partition;
  /** The other account; default `999988887777`. */
  readonly foreignAccount?: string;
}

/** The probe's verification, or undefined when no Allow statement opens to everyone behind confused-deputy keys. */
export function anyServiceVerification(document: LiteralPolicyDocument, environment: ProbeEnvironment): ServiceVerification | undefined {
  const open = statementsOf(document).filter(opensToEveryoneBehindSourceKeys);
  if (open.length === 0) return undefined;
  const foreign = environment.foreignAccount ?? '999988887777';
  const statement = open[0]!;
  const action = listOf(statement.Action).map(concreteAction)[0] ?? 'sts:AssumeRole';
  const resource = listOf(statement.Resource).find((value) => !value.includes('${'));
  const shape = {
    principal: ANY_SERVICE_PRINCIPAL,
    sourceAccount: foreign,
    sourceArn: `arn:${environment.partition}:sns:${environment.region}:${foreign}:deputy-foreign`,
    organizationId: FOREIGN_ORGANIZATION,
    organizationPaths: [`${FOREIGN_ORGANIZATION}/r-deputy/ou-deputy-foreign/`],
  };
  const assumed = assumedContext(document, ANY_SERVICE_PRINCIPAL);
  const request: EvaluationRequest = {
    principal: { type: 'Service', id: ANY_SERVICE_PRINCIPAL },
    action,
    ...(resource !== undefined && resource !== '*' ? { resource: concreteText(resource) } : { resource: `arn:${environment.partition}:iam::${environment.account}:role/deputy-verify` }),
    context: contextOfCall(assumed, shape),
  };
  const evaluation = evaluatePolicy(document, request);
  const scenario: ScenarioResult = {
    scenario: 'foreign-account',
    description: `any AWS service acting for another account: aws:SourceAccount ${foreign}, aws:SourceArn ${shape.sourceArn}, aws:SourceOrgID ${FOREIGN_ORGANIZATION}`,
    action,
    principal: ANY_SERVICE_PRINCIPAL,
    expected: 'Deny',
    actual: evaluation.decision,
    ...(evaluation.statement ? { statement: evaluation.statement } : {}),
    ...(evaluation.condition ? { condition: evaluation.condition } : {}),
    decidedBy: evaluation.explanation,
    pass: evaluation.decision !== 'Allow',
    request,
  };
  return {
    service: 'any service',
    principal: '*',
    usage: 'resource',
    account: environment.account,
    sourceAccount: environment.account,
    region: environment.region,
    partition: environment.partition,
    legitimateSourceArn: null,
    scenarios: [scenario],
    skipped: [],
    assumedContext: assumed,
    problems: [...evaluation.problems],
    passed: scenario.pass,
  };
}

function opensToEveryoneBehindSourceKeys(statement: Statement<string>): boolean {
  if (statement.Effect !== 'Allow' || statement.Principal === undefined) return false;
  const everyone = statement.Principal === '*' || listOf(statement.Principal.AWS).includes('*');
  if (!everyone || !statement.Condition) return false;
  return Object.values(statement.Condition).some((keys) => Object.keys(keys).some((key) => SOURCE_KEYS.includes(key.toLowerCase())));
}
