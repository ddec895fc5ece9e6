/** The plan: blocks in definition order, role outputs, the shared declarations the blocks use, addresses, and one plan per model. */
import { DeputyInputError, interpolate, reference, type DeputyModel } from '@deputy/policy-model';
import { describe, expect, it } from 'vitest';
import { checkedDirectoryEntries, declarationBlocks, directoryDeclarations, planBlockAddress, planTerraform, plannedAddresses } from '../src/index.js';
import { directoryModel } from './support/directory-models.js';

function roleModel(environment: DeputyModel['environment'], arn = interpolate(['arn:', reference('partition'), ':s3:::b-', reference('account')])): DeputyModel {
  return {
    source: 'r.yaml',
    baseName: 'r',
    environment,
    roles: [
      {
        name: 'Reader Role',
        id: 'ReaderRole',
        trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'personalize.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
        inlinePolicies: [{ name: 'read', id: 'read', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: arn }] } }],
        managedPolicyArns: [],
        tags: [],
        notices: [],
      },
    ],
    resourcePolicies: [],
  };
}

const CURRENT = { account: { kind: 'current' }, region: { kind: 'current' }, partition: { kind: 'current' } } as const;

describe('planTerraform', () => {
  it('plans the role, its inline policy and its outputs, in order', () => {
    expect(planTerraform(roleModel(CURRENT)).blocks.map(planBlockAddress)).toEqual([
      'aws_iam_role.reader_role',
      'aws_iam_role_policy.reader_role_read',
      'output.reader_role_arn',
      'output.reader_role_name',
    ]);
  });

  it('declares only the current fields and parameters the documents refer to', () => {
    const plan = planTerraform(roleModel({ ...CURRENT, account: { kind: 'parameter', name: 'AccountId', description: 'the account' } }));
    expect(plan.declarations.currentFields).toEqual(['partition']);
    expect(plan.declarations.variables.map((variable) => variable.field)).toEqual(['account']);
    expect(declarationBlocks(plan.declarations).map(planBlockAddress)).toEqual(['terraform', `var.${plan.declarations.variables[0]?.name}`, 'data.aws_partition.current']);
    expect(planTerraform(roleModel(CURRENT, 'arn:aws:s3:::literal')).declarations.currentFields).toEqual([]);
  });

  it('pins the provider to the major version the output is written for', () => {
    expect(declarationBlocks(planTerraform(roleModel(CURRENT), { awsProviderMajorVersion: 5 }).declarations)[0]).toEqual({
      kind: 'terraform',
      requiredProviders: [{ name: 'aws', source: 'hashicorp/aws', version: '>= 5.0, < 7.0' }],
    });
  });

  it('plans a model once per provider version, and again when labels are reserved', () => {
    const model = roleModel(CURRENT);
    expect(planTerraform(model)).toBe(planTerraform(model, { awsProviderMajorVersion: 6 }));
    expect(planTerraform(model, { awsProviderMajorVersion: 5 })).not.toBe(planTerraform(model));
    const reserved = planTerraform(model, { reservedLabels: new Map([['resource.aws_iam_role', new Set(['reader_role'])]]) });
    expect(reserved.roleLabels.get('Reader Role')).toBe('reader_role_2');
  });
});

describe('a directory of plans', () => {
  it('declares every current data source and each variable once', () => {
    const parameter = { kind: 'parameter', name: 'AccountId', description: 'the account' } as const;
    const merged = directoryDeclarations(
      [planTerraform(roleModel({ ...CURRENT, account: parameter })).declarations, planTerraform({ ...roleModel({ ...CURRENT, account: parameter }), source: 's.yaml' }).declarations],
      6,
    );
    expect(merged.currentFields).toEqual(['account', 'region', 'partition']);
    expect(merged.variables).toHaveLength(1);
  });

  it('refuses a variable name standing for two fields', () => {
    const asAccount = roleModel({ ...CURRENT, account: { kind: 'parameter', name: 'Value', description: 'd' } });
    const asPartition = { ...roleModel({ ...CURRENT, partition: { kind: 'parameter', name: 'Value', description: 'd' } }), source: 'p.yaml' };
    expect(() => directoryDeclarations([planTerraform(asAccount).declarations, planTerraform(asPartition).declarations], 6)).toThrow(/stands for the partition here and for the account in r\.yaml/);
  });

  it('refuses an address two definitions declare, and accepts distinct ones', () => {
    const first = directoryModel('personalize-current-environment');
    expect(checkedDirectoryEntries([first, directoryModel('multi-service-role-full-options')], 6)).toHaveLength(2);
    expect(() => checkedDirectoryEntries([first, { ...first, source: 'copy.yaml' }], 6)).toThrow(DeputyInputError);
    expect(plannedAddresses(first)).toContain(`aws_iam_role.${planTerraform(first).roleLabels.get(first.roles[0]!.name)}`);
  });
});
