/**
 * deputy's own output lints clean. A definition may waive the confused-deputy conditions for a service, with
 * a reason; every emitter writes that decision as a suppression in its file's own syntax (`# deputy:ignore`
 * in HCL, `Metadata.deputy.ignore` in CloudFormation, a `//` comment in `.tf.json`). Emitting the shared
 * waiver fixture and `fixtures/waivers-everywhere.yaml` in every target, style and format and linting the
 * text: no unsuppressed finding, and the suppressed findings are exactly the waived statements, each with the
 * definition's reason (white space collapsed: a suppression is one line).
 *
 * Named limitation (resource-level suppressions): an owner that waives statements for several reasons gets
 * one suppression per reason on the same resource, and lint credits each of its findings to the first, so
 * there the reason is only checked to be one of the owner's reasons.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emitTerraformJson } from '@deputy/emitter-tf-json';
import { emitCfn } from '@deputy/emitter-cfn';
import { emitHcl } from '@deputy/emitter-hcl';
import { confusedDeputyGaps, loadDefinitionText, statementsOf, type DeputyModel, type EmittedFile, type PolicyDocument, type WaiverRecord } from '@deputy/policy-model';
import { loadFixture } from '@deputy/policy-model/testing';
import { describe, expect, it } from 'vitest';
import { lintText, type FileKind, type Finding } from '../src/index.js';
import type { SuppressionOrigin } from '../src/suppress/suppression.js';

const FIXTURE = 'pod-identity-no-keys-and-waiver';
const DEFINITION = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'waivers-everywhere.yaml');

/** One way deputy prints a model, and how lint reads the result. */
interface Output {
  readonly name: string;
  readonly emit: (model: DeputyModel) => EmittedFile[];
  readonly kind: FileKind;
  readonly origin: SuppressionOrigin;
  /** False for CloudFormation: a policy attached to nothing is an Output, which lint does not read. */
  readonly lintsDetachedPolicies: boolean;
}

const OUTPUTS: readonly Output[] = [
  { name: 'hcl, jsonencode', emit: (model) => emitHcl(model, { style: 'jsonencode' }), kind: 'terraform', origin: 'comment', lintsDetachedPolicies: true },
  { name: 'hcl, policy-document', emit: (model) => emitHcl(model, { style: 'policy-document' }), kind: 'terraform', origin: 'comment', lintsDetachedPolicies: true },
  { name: 'cfn, yaml', emit: (model) => emitCfn(model, { format: 'yaml' }), kind: 'yaml', origin: 'metadata', lintsDetachedPolicies: false },
  { name: 'cfn, json', emit: (model) => emitCfn(model, { format: 'json' }), kind: 'json', origin: 'metadata', lintsDetachedPolicies: false },
  { name: 'tf-json', emit: (model) => emitTerraformJson(model), kind: 'tf-json', origin: 'tf-json-comment', lintsDetachedPolicies: true },
];

const MODELS: readonly (readonly [string, DeputyModel])[] = [
  [FIXTURE, loadFixture(FIXTURE)],
  ['waivers-everywhere', loadDefinitionText(readFileSync(DEFINITION, 'utf8'), 'fixtures/waivers-everywhere.yaml')],
];

/** A statement the definition waived: its role or policy, the service principals it trusts, and the reasons recorded there. */
interface WaivedStatement {
  readonly owner: string;
  readonly principals: readonly string[];
  readonly reasons: readonly string[];
}

/** The statements that trust a service without confused-deputy keys (not documented as keyless): the normaliser lets only waived ones through. */
function waivedStatements(model: DeputyModel, lintsDetachedPolicies: boolean): WaivedStatement[] {
  const owners = [
    ...model.roles.map((role) => ({ owner: `role ${role.name}`, usage: 'trust' as const, waivers: role.waivers, documents: [role.trustPolicy] })),
    ...model.resourcePolicies
      .filter((policy) => lintsDetachedPolicies || policy.attachment.type !== 'document')
      .map((policy) => ({
        owner: `resource policy ${policy.name}`,
        usage: policy.attachment.type === 'document' ? ('resource' as const) : policy.attachment.type,
        waivers: policy.waivers,
        documents: policy.attachment.type === 'lambda-permission' ? statementsOf(policy.document).map((statement): PolicyDocument => ({ Statement: [statement] })) : [policy.document],
      })),
  ];
  return owners.flatMap(({ owner, usage, waivers, documents }) =>
    documents.flatMap((document) => {
      const principals = new Map<number, string[]>();
      for (const gap of confusedDeputyGaps(document, usage)) if (!gap.exempt) principals.set(gap.statementIndex, [...(principals.get(gap.statementIndex) ?? []), gap.principal]);
      return [...principals.values()].map((statementPrincipals) => ({ owner, principals: statementPrincipals, reasons: oneLineReasons(waivers) }));
    }),
  );
}

function oneLineReasons(waivers: readonly WaiverRecord[] | undefined): string[] {
  return (waivers ?? []).map((waiver) => waiver.reason.replace(/\s+/g, ' ').trim());
}

/** Pairs each suppressed finding with a waived statement it names, whose owner recorded its reason; returns what is left on either side. */
function pairUp(suppressed: readonly Finding[], expected: readonly WaivedStatement[]): { readonly findings: string[]; readonly statements: string[] } {
  const remaining = [...expected];
  const findings: string[] = [];
  for (const finding of suppressed) {
    const index = remaining.findIndex(
      (statement) => statement.principals.some((principal) => finding.message.includes(principal)) && statement.reasons.includes(finding.suppressed?.reason ?? ''),
    );
    if (index < 0) findings.push(`${finding.line}: ${finding.ruleId} ${finding.message} (suppressed: ${finding.suppressed?.reason})`);
    else remaining.splice(index, 1);
  }
  return { findings, statements: remaining.map((statement) => `${statement.owner}: ${statement.principals.join(', ')}`) };
}

describe("deputy's output suppresses exactly the waived statements", () => {
  for (const [caseName, model] of MODELS) {
    for (const output of OUTPUTS) {
      it(`${caseName} (${output.name})`, async () => {
        const [file, ...others] = output.emit(model);
        expect(others).toEqual([]);
        const result = await lintText(file!.contents, file!.path, output.kind);
        const expected = waivedStatements(model, output.lintsDetachedPolicies);
        expect(expected.length).toBeGreaterThan(0);
        expect(result.findings.map((finding) => `${finding.line}: ${finding.ruleId} ${finding.message}`)).toEqual([]);
        expect(result.suppressed.map((finding) => `${finding.ruleId} ${finding.suppressed?.origin}`)).toEqual(expected.map(() => `DPT001 ${output.origin}`));
        expect(pairUp(result.suppressed, expected)).toEqual({ findings: [], statements: [] });
      });
    }
  }

  it(`${FIXTURE}: the reason is the definition's, verbatim`, async () => {
    const model = loadFixture(FIXTURE);
    const reasons = [...model.roles, ...model.resourcePolicies].flatMap((entry) => (entry.waivers ?? []).map((waiver) => waiver.reason));
    expect(reasons).toEqual(['Batch compute environments here predate SourceArn support; tracked in SEC-1234']);
    for (const output of OUTPUTS) {
      const [file] = output.emit(model);
      const result = await lintText(file!.contents, file!.path, output.kind);
      expect(result.suppressed.map((finding) => finding.suppressed?.reason), output.name).toEqual(reasons);
    }
  });
});
