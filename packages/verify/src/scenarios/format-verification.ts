/** The text `deputy verify` prints: per service, a table of scenario × decision × what decided it. */
import { formatTextTable } from '@deputy/policy-model';
import type { ScenarioResult, ServiceVerification } from './scenario.js';
import type { PolicyVerification } from './verify-policy.js';
import type { FederatedVerification } from './federated-scenarios.js';

const FEDERATED_HEADERS = ['SCENARIO', 'TOKEN OR CALL', 'EXPECTED', 'ACTUAL', 'DECIDED BY', 'RESULT'];

/** One federated or whole-account principal: a heading and its scenario table (advisory rows say `warn`, not FAIL). */
export function formatFederatedVerification(verification: FederatedVerification): string {
  const heading = `${verification.principal} (${verification.provider}), Statement[${verification.statementIndex}]: ${verification.passed ? 'PROVEN' : 'FAILED'}\n`;
  const rows = verification.scenarios.map((scenario) => [
    scenario.scenario,
    scenario.description,
    scenario.expected,
    scenario.actual,
    scenario.decidedBy,
    scenario.pass ? 'pass' : scenario.advisory ? 'warn' : 'FAIL',
  ]);
  return `${heading}${formatTextTable(FEDERATED_HEADERS, rows)}`;
}

const HEADERS = ['SCENARIO', 'ACTION', 'CALL', 'EXPECTED', 'ACTUAL', 'DECIDED BY', 'RESULT'];
const BASELINE_KEYS = ['aws:principalisawsservice', 'aws:principalservicename', 'aws:securetransport'];

/** One service's verification: a heading, the scenario table, skipped scenarios, assumptions and problems. */
export function formatServiceVerification(verification: ServiceVerification): string {
  const verdict = verification.passed ? 'PROVEN' : 'FAILED';
  const heading = `${verification.service} (${verification.principal}), ${verification.usage} policy, account ${verification.account}, ${verification.region}, ${verification.partition}: ${verdict}\n`;
  const table = formatTextTable(HEADERS, verification.scenarios.map(scenarioRow));
  const skipped = verification.skipped.map((skip) => `  n/a ${skip.scenario}: ${skip.reason}\n`).join('');
  const assumed = Object.entries(verification.assumedContext).filter(([key]) => !BASELINE_KEYS.includes(key.toLowerCase()));
  const assumptions = assumed.length > 0 ? `  assumed in every call: ${assumed.map(([key, value]) => `${key}=${typeof value === 'string' ? value : `[${value.join(', ')}]`}`).join(', ')}\n` : '';
  const problems = verification.problems.map((problem) => `  problem: ${problem}\n`).join('');
  return `${heading}${table}${skipped}${assumptions}${problems}`;
}

/** A whole policy's verification, services separated by blank lines, then unverified principals and a summary line. */
export function formatPolicyVerification(verification: PolicyVerification, label = `${verification.kind} policy`): string {
  const blocks = [...verification.services.map(formatServiceVerification), ...(verification.federated ?? []).map(formatFederatedVerification)];
  const unverified = verification.unverified.map((item) => `not verified: ${item.principal} in Statement[${item.statementIndex}]${item.sid ? ` (${item.sid})` : ''}: ${item.reason}\n`).join('');
  const failed = verification.services.filter((service) => !service.passed).length;
  const federatedFailed = (verification.federated ?? []).filter((item) => !item.passed).length;
  const federatedLine = (verification.federated ?? []).length > 0 ? `${label}: ${verification.federated.length - federatedFailed} of ${verification.federated.length} federated or cross-account principals proven${federatedFailed > 0 ? `, ${federatedFailed} FAILED` : ''}\n` : '';
  const summary = verification.services.length === 0
    ? federatedLine || `${label}: no service principal to verify\n`
    : `${label}: ${verification.services.length - failed} of ${verification.services.length} service verifications proven${failed > 0 ? `, ${failed} FAILED` : ''}\n${federatedLine}`;
  return [...blocks, `${unverified}${summary}`].join('\n');
}

function scenarioRow(result: ScenarioResult): string[] {
  return [result.scenario, result.action, result.description, result.expected, result.actual, decidedBy(result), result.pass ? 'pass' : 'FAIL'];
}

function decidedBy(result: ScenarioResult): string {
  if (!result.statement) return result.decidedBy;
  const statement = `Statement[${result.statement.index}]${result.statement.sid ? ` (${result.statement.sid})` : ''}`;
  if (!result.condition) return statement;
  const { operator, key, contextValue } = result.condition;
  const seen = contextValue === null ? 'absent' : typeof contextValue === 'string' ? contextValue : `[${contextValue.join(', ')}]`;
  return `${statement} ${operator} ${key} (request: ${seen})`;
}
