/** Claims of a definition and the collisions between definitions, located in both files. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CrossDefinitionChecks, definitionClaims } from '../src/load/cross-definition-checks.js';
import { loadDefinitionText } from '../src/load/load-definition.js';
import { formatProblem } from '../src/problems.js';

const trusted = '    trustedServices:\n      - service: personalize\n';
const document = '{ Version: "2012-10-17", Statement: [{ Effect: Allow, Principal: { Service: s3.amazonaws.com }, Action: "lambda:InvokeFunction", Resource: "*", Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } } }] }';

function checkAll(files: Record<string, string>, existing: readonly string[] = []): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'deputy-cross-'));
  const checks = new CrossDefinitionChecks();
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(dir, name), text);
    checks.add(name, join(dir, name), definitionClaims(loadDefinitionText(text, name)), existing.includes(name));
  }
  return checks.problems().map(formatProblem);
}

describe('definitionClaims', () => {
  it('claims roles (scoped to a literal account), resource policy names and the resources policies replace', () => {
    const model = loadDefinitionText(
      `account: "123456789012"\nroles:\n  - name: r\n${trusted}resourcePolicies:\n  - name: fn\n    attachTo: { lambdaFunction: resize }\n    document: ${document}\n  - name: topic\n    attachTo: { snsTopic: "arn:{{partition}}:sns:{{region}}:{{account}}:alarms" }\n    document: ${document.replace('lambda:InvokeFunction', 'sns:Publish')}\n`,
      'def.yaml',
    );
    expect(definitionClaims(model)).toEqual([
      { kind: 'role', key: 'r', path: ['roles', 0, 'name'], account: '123456789012' },
      { kind: 'resource policy', key: 'fn', path: ['resourcePolicies', 0, 'name'] },
      { kind: 'resource policy', key: 'topic', path: ['resourcePolicies', 1, 'name'] },
      { kind: 'policy on', key: 'SNS topic arn:{{partition}}:sns:{{region}}:123456789012:alarms', path: ['resourcePolicies', 1, 'attachTo'], account: '123456789012' },
    ]);
  });
});

describe('CrossDefinitionChecks', () => {
  it('reports each later collision at its place, naming the first', () => {
    expect(checkAll({ 'a.yaml': `roles:\n  - name: x\n${trusted}`, 'b.yaml': `roles:\n  - name: y\n${trusted}  - name: x\n${trusted}` })).toEqual([
      'error: b.yaml:5:11: role "x" is defined twice in definitions emitted together (also defined at a.yaml:2:11)',
    ]);
  });

  it('lets roles of one name live in different literal accounts, but not beside an account that may be any', () => {
    const inAccount = (account: string) => `account: "${account}"\nroles:\n  - name: x\n${trusted}`;
    expect(checkAll({ 'a.yaml': inAccount('111111111111'), 'b.yaml': inAccount('222222222222') })).toEqual([]);
    expect(checkAll({ 'a.yaml': inAccount('111111111111'), 'b.yaml': `roles:\n  - name: x\n${trusted}` })).toHaveLength(1);
  });

  it('says when the first definition is one already in the output directory', () => {
    expect(checkAll({ 'old.yaml': `roles:\n  - name: x\n${trusted}`, 'new.yaml': `roles:\n  - name: x\n${trusted}` }, ['old.yaml'])).toEqual([
      'error: new.yaml:2:11: role "x" is defined twice, here and in a definition whose output is already in the output directory (also defined at old.yaml:2:11)',
    ]);
  });

  it('does not claim Lambda functions: each statement is its own permission', () => {
    const lambda = (name: string) => `resourcePolicies:\n  - name: ${name}\n    attachTo: { lambdaFunction: resize }\n    document: ${document}\n`;
    expect(checkAll({ 'a.yaml': lambda('from-a'), 'b.yaml': lambda('from-b') })).toEqual([]);
  });
});
