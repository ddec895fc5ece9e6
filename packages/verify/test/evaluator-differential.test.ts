/**
 * deputy's evaluator against the reference simulator @cloud-copilot/iam-simulate: 12,000 generated policies
 * and requests (seeded, reproducible), plus every scenario request of every catalog entry's generated trust
 * policy. A disagreement passes only when named differences in support/known-simulator-differences.ts
 * cover the case and, with those constructs neutralised on both sides, the two agree again; the run prints
 * how many disagreements each difference explained, and every named difference must still explain at
 * least one (so the list cannot go stale).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DEFAULT_REGIONS, PARTITIONS, SERVICE_CATALOG } from '@deputy/policy-model';
import { evaluatePolicy } from '../src/evaluator/evaluate-policy.js';
import { verifyServiceTrust } from '../src/scenarios/verify-service-trust.js';
import { catalogTrustPolicy } from './support/catalog-trust-policy.js';
import { KNOWN_SIMULATOR_DIFFERENCES, differencesCovering, neutralized } from './support/known-simulator-differences.js';
import type { PolicyCase } from './support/policy-case-arbitrary.js';
import { OWN_ACCOUNT, policyCase } from './support/policy-case-arbitrary.js';
import { simulatedDecision } from './support/reference-simulator.js';

const GENERATED_CASES = 12_000;
const SEED = 20_251_128;

interface Tally {
  compared: number;
  agreed: number;
  explained: Map<string, number>;
  decisions: Map<string, number>;
}

function compare(policyCase: PolicyCase, tally: Tally): string | undefined {
  const ours = evaluatePolicy(policyCase.document, policyCase.request).decision;
  const reference = simulatedDecision(policyCase.document, policyCase.request, OWN_ACCOUNT);
  tally.compared++;
  tally.decisions.set(ours, (tally.decisions.get(ours) ?? 0) + 1);
  if (ours === reference) {
    tally.agreed++;
    return undefined;
  }
  const { policyCase: plain, applied } = neutralized(policyCase);
  if (applied.length === 0) return `deputy ${ours}, simulator ${reference}`;
  const plainOurs = evaluatePolicy(plain.document, plain.request).decision;
  const plainReference = simulatedDecision(plain.document, plain.request, OWN_ACCOUNT);
  if (plainOurs !== plainReference || differencesCovering(plain).length > 0) {
    return `deputy ${ours}, simulator ${reference}; still deputy ${plainOurs}, simulator ${plainReference} without ${applied.join(', ')}`;
  }
  for (const name of applied) tally.explained.set(name, (tally.explained.get(name) ?? 0) + 1);
  return undefined;
}

function report(label: string, tally: Tally): void {
  const explained = [...tally.explained].map(([name, count]) => `${name}: ${count}`).join(', ') || 'none';
  const decisions = [...tally.decisions].map(([decision, count]) => `${decision} ${count}`).join(', ');
  console.log(`${label}: ${tally.compared} cases, ${tally.agreed} identical decisions (${decisions}); disagreements explained by known differences: ${explained}`);
}

const newTally = (): Tally => ({ compared: 0, agreed: 0, explained: new Map(), decisions: new Map() });

describe('deputy evaluator vs @cloud-copilot/iam-simulate', () => {
  test(`agrees on ${GENERATED_CASES} generated cases, apart from named differences`, () => {
    const tally = newTally();
    fc.assert(
      fc.property(policyCase, (generated) => {
        const unexplained = compare(generated, tally);
        if (unexplained !== undefined) throw new Error(`${unexplained}\n${JSON.stringify(generated, null, 2)}`);
      }),
      { seed: SEED, numRuns: GENERATED_CASES, endOnFailure: true },
    );
    report('generated', tally);
    expect(tally.compared).toBe(GENERATED_CASES);
    for (const decision of ['Allow', 'ExplicitDeny', 'ImplicitDeny']) expect(tally.decisions.get(decision) ?? 0).toBeGreaterThan(GENERATED_CASES / 50);
    for (const difference of KNOWN_SIMULATOR_DIFFERENCES) expect(tally.explained.get(difference.name) ?? 0, difference.name).toBeGreaterThan(0);
  });

  test('agrees on every scenario request of every catalog entry in every partition', () => {
    const tally = newTally();
    const unexplained: string[] = [];
    for (const entry of SERVICE_CATALOG) {
      for (const partition of PARTITIONS) {
        const region = DEFAULT_REGIONS[partition];
        const document = catalogTrustPolicy(entry, { account: OWN_ACCOUNT, region, partition });
        for (const scenario of verifyServiceTrust(document, { service: entry.key, account: OWN_ACCOUNT, region, partition }).scenarios) {
          if (!scenario.principal.endsWith('.amazonaws.com')) continue;
          const disagreement = compare({ document, request: scenario.request }, tally);
          if (disagreement !== undefined) unexplained.push(`${entry.key} ${partition} ${scenario.scenario}: ${disagreement}`);
        }
      }
    }
    report('catalog scenarios', tally);
    expect(unexplained).toEqual([]);
    expect(tally.compared).toBeGreaterThan(SERVICE_CATALOG.length * PARTITIONS.length * 4);
  });
});
