import { describe, expect, it } from 'vitest';
import { loadDefinitionText } from '../src/load/load-definition.js';
import { statementsOf } from '../src/policy/policy-document.js';
import { snippetModel } from '../src/convert/snippet-model.js';
import { reference } from '../src/model/value.js';
import { SERVICE_CATALOG } from '../src/catalog/service-catalog.js';

function trustOf(yaml: string) {
  const model = loadDefinitionText(yaml, 'def.yaml');
  return { statements: statementsOf(model.roles[0]!.trustPolicy), notices: model.roles[0]!.notices };
}

const literal = 'account: "123456789012"\nregion: us-east-1\npartition: aws\n';

describe('trust statements built from the catalog', () => {
  it('reproduces the Amazon Personalize confused-deputy page exactly', () => {
    const model = snippetModel({ service: 'personalize', account: '123456789012', region: 'us-east-1' });
    expect(model.roles[0]!.trustPolicy).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'personalize.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Condition: {
            StringEquals: { 'aws:SourceAccount': '123456789012' },
            StringLike: { 'aws:SourceArn': 'arn:aws:personalize:us-east-1:123456789012:*' },
          },
        },
      ],
    });
  });

  it('refers to current fields instead of inventing values', () => {
    const { statements } = trustOf('roles:\n  - name: r\n    trustedServices:\n      - service: personalize\n');
    expect(statements[0]!.Condition).toEqual({
      StringEquals: { 'aws:SourceAccount': { kind: 'interpolation', parts: [reference('account')] } },
      StringLike: { 'aws:SourceArn': { kind: 'interpolation', parts: ['arn:', reference('partition'), ':personalize:', reference('region'), ':', reference('account'), ':*'] } },
    });
  });

  it('uses the Region-specific principal in opt-in Regions where the service requires it there, the global one elsewhere', () => {
    const guardduty = (region: string) => `account: "123456789012"\nregion: ${region}\npartition: aws\nroles:\n  - name: r\n    trustedServices:\n      - service: guardduty\n        waiver: { reason: "probe of the principal form only" }\n`;
    expect(trustOf(guardduty('af-south-1')).statements[0]!.Principal).toEqual({ Service: 'guardduty.af-south-1.amazonaws.com' });
    expect(trustOf(guardduty('us-east-1')).statements[0]!.Principal).toEqual({ Service: 'guardduty.amazonaws.com' });
  });

  it('takes the Region from a regional principal given to snippet', () => {
    const model = snippetModel({ service: 'logs.eu-west-1.amazonaws.com', account: '123456789012', region: 'us-east-1' });
    const [statement] = statementsOf(model.roles[0]!.trustPolicy);
    expect(statement!.Principal).toEqual({ Service: 'logs.eu-west-1.amazonaws.com' });
    expect(statement!.Condition).toEqual({ StringLike: { 'aws:SourceArn': 'arn:aws:logs:eu-west-1:123456789012:*' } });
  });

  it('keeps the catalog operator for an override, but never StringEquals on a wildcard', () => {
    const { statements } = trustOf(`${literal}roles:\n  - name: r\n    trustedServices:\n      - service: states\n        sourceArn: ["arn:aws:states:us-east-1:123456789012:stateMachine:a", "arn:aws:states:us-east-1:123456789012:stateMachine:b-*"]\n`);
    expect(statements[0]!.Condition).toEqual({
      StringEquals: { 'aws:SourceAccount': '123456789012' },
      ArnLike: { 'aws:SourceArn': ['arn:aws:states:us-east-1:123456789012:stateMachine:a', 'arn:aws:states:us-east-1:123456789012:stateMachine:b-*'] },
    });
  });

  it('adds organization keys with the operators AWS documents', () => {
    const { statements } = trustOf(`${literal}roles:\n  - name: r\n    trustedServices:\n      - service: personalize\n        sourceOrgId: o-abcdefghij\n        sourceOrgPaths: ["o-abcdefghij/r-ab12/ou-ab12-11111111/*"]\n`);
    expect(statements[0]!.Condition).toEqual({
      StringEquals: { 'aws:SourceAccount': '123456789012', 'aws:SourceOrgID': 'o-abcdefghij' },
      StringLike: { 'aws:SourceArn': 'arn:aws:personalize:us-east-1:123456789012:*' },
      'ForAnyValue:StringLike': { 'aws:SourceOrgPaths': 'o-abcdefghij/r-ab12/ou-ab12-11111111/*' },
    });
  });

  it('appends extra conditions and actions after the confused-deputy ones', () => {
    const { statements } = trustOf(`${literal}roles:\n  - name: r\n    trustedServices:\n      - service: ecs-tasks\n        extraActions: [sts:TagSession]\n        conditions:\n          StringEquals:\n            aws:RequestedRegion: us-east-1\n`);
    expect(statements[0]!.Action).toEqual(['sts:AssumeRole', 'sts:TagSession']);
    expect(statements[0]!.Condition).toEqual({
      StringEquals: { 'aws:SourceAccount': '123456789012', 'aws:RequestedRegion': 'us-east-1' },
      ArnLike: { 'aws:SourceArn': 'arn:aws:ecs:us-east-1:123456789012:*' },
    });
  });

  it('says so in a notice when AWS documents no key, and allows the trust actions the service needs', () => {
    const { statements, notices } = trustOf(`${literal}roles:\n  - name: r\n    trustedServices:\n      - service: pods-eks\n`);
    expect(statements[0]).toEqual({ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] });
    expect(notices[0]).toMatch(/^AWS documents no confused-deputy condition key for pods\.eks\.amazonaws\.com/);
  });

  it('records a waiver and its reason', () => {
    const { statements, notices } = trustOf(`${literal}roles:\n  - name: r\n    trustedServices:\n      - service: personalize\n        waiver: { reason: "tested in a sandbox account only" }\n`);
    expect(statements[0]!.Condition).toBeUndefined();
    expect(notices).toEqual(['Confused-deputy conditions for personalize waived: tested in a sandbox account only']);
  });

  it('writes one statement per trusted service, in order', () => {
    const { statements } = trustOf(`${literal}roles:\n  - name: r\n    trustedServices:\n      - service: states\n      - service: personalize\n`);
    expect(statements.map((s) => s.Principal)).toEqual([{ Service: 'states.amazonaws.com' }, { Service: 'personalize.amazonaws.com' }]);
  });

  it('accepts an uncatalogued principal only with explicit keys, and requires exactly those', () => {
    const { statements } = trustOf(`${literal}roles:\n  - name: r\n    trustedServices:\n      - service: newsvc.amazonaws.com\n        sourceArn: "arn:{{partition}}:newsvc:{{region}}:{{account}}:thing/*"\n`);
    expect(statements[0]!.Condition).toEqual({ ArnLike: { 'aws:SourceArn': 'arn:aws:newsvc:us-east-1:123456789012:thing/*' } });
  });
});

describe('cross-account and optional keys', () => {
  it('uses the source account in both aws:SourceAccount and the default aws:SourceArn', () => {
    const { statements } = trustOf(`${literal}roles:\n  - name: r\n    trustedServices:\n      - service: personalize\n        sourceAccount: "444455556666"\n`);
    expect(statements[0]!.Condition).toEqual({
      StringEquals: { 'aws:SourceAccount': '444455556666' },
      StringLike: { 'aws:SourceArn': 'arn:aws:personalize:us-east-1:444455556666:*' },
    });
  });

  it('adds a key the service sends optionally when asked (SageMaker sends aws:SourceAccount optionally)', () => {
    const { statements } = trustOf(`${literal}roles:\n  - name: r\n    trustedServices:\n      - service: sagemaker\n        sourceAccount: "123456789012"\n`);
    expect(statements[0]!.Condition).toEqual({
      StringEquals: { 'aws:SourceAccount': '123456789012' },
      ArnLike: { 'aws:SourceArn': 'arn:aws:sagemaker:us-east-1:123456789012:*' },
    });
  });

  it('records a waiver as data', () => {
    const model = loadDefinitionText(`${literal}roles:\n  - name: r\n    trustedServices:\n      - service: personalize\n        waiver: { reason: "tested in a sandbox account only" }\n`, 'def.yaml');
    expect(model.roles[0]!.waivers).toEqual([{ service: 'personalize', reason: 'tested in a sandbox account only' }]);
  });
});

describe('principal forms', () => {
  it('keeps an alternate or partition-specific principal exactly as given', () => {
    const alternate = snippetModel({ service: 'transcribe.streaming.amazonaws.com', account: '123456789012', region: 'us-east-1' });
    expect(statementsOf(alternate.roles[0]!.trustPolicy)[0]!.Principal).toEqual({ Service: 'transcribe.streaming.amazonaws.com' });
  });

  it('maps the key or the global principal to the partition principal from the catalog', () => {
    const entry = SERVICE_CATALOG.find((candidate) => candidate.partitionPrincipals?.['aws-cn'] !== undefined);
    expect(entry, 'the catalog has a China-specific principal').toBeDefined();
    for (const service of [entry!.key, entry!.principal]) {
      const model = snippetModel({ service, account: '123456789012', region: 'cn-north-1', partition: 'aws-cn' });
      expect(statementsOf(model.roles[0]!.trustPolicy)[0]!.Principal).toEqual({ Service: entry!.partitionPrincipals!['aws-cn'] });
    }
  });
});
