/** Labels: valid Terraform identifiers, snake_case, unique per namespace, stable in model order. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hostileString } from '@deputy/policy-model/testing';
import { LabelNamespaces, labelFor, managedPolicyLabel, snakeCaseLabel, variableName } from '../src/terraform-labels.js';

describe('snakeCaseLabel', () => {
  const CASES: readonly [string, string][] = [
    ['PersonalizeRole', 'personalize_role'],
    ['s3-access', 's3_access'],
    ['AmazonS3ReadOnlyAccess', 'amazon_s3_read_only_access'],
    ['IAMFullAccess', 'iam_full_access'],
    ['my.role@example', 'my_role_example'],
    ['  spaced  out  ', 'spaced_out'],
    ['2fast', '_2fast'],
    ['Ünïcödé', 'unicode'],
    ['日本', 'unnamed'],
    ['', 'unnamed'],
    ['already_snake', 'already_snake'],
  ];
  for (const [name, label] of CASES) it(`${JSON.stringify(name)} → ${label}`, () => expect(snakeCaseLabel(name)).toBe(label));

  it('property: always a valid Terraform identifier made of [a-z0-9_]', () => {
    fc.assert(
      fc.property(hostileString(), (name) => {
        expect(snakeCaseLabel(name)).toMatch(/^[a-z_][a-z0-9_]*$/);
      }),
    );
  });
});

describe('labelFor', () => {
  it('uses the name, and the id when the name has no usable letters', () => {
    expect(labelFor({ name: 'My Role', id: 'My_Role' })).toBe('my_role');
    expect(labelFor({ name: '日本', id: 'jp-role' })).toBe('jp_role');
  });
});

describe('LabelNamespaces', () => {
  it('keeps the first label and numbers later collisions in order', () => {
    const namespaces = new LabelNamespaces();
    expect(['a', 'a', 'a_2', 'a', 'b'].map((base) => namespaces.claim('output', base))).toEqual(['a', 'a_2', 'a_2_2', 'a_3', 'b']);
  });

  it('never hands out a reserved label', () => {
    const namespaces = new LabelNamespaces();
    namespaces.reserve('resource.aws_iam_role', 'x');
    expect(namespaces.has('resource.aws_iam_role', 'x')).toBe(true);
    expect(namespaces.claim('resource.aws_iam_role', 'x')).toBe('x_2');
  });

  it('keeps namespaces apart', () => {
    const namespaces = new LabelNamespaces();
    expect(namespaces.claim('resource.aws_iam_role', 'x')).toBe('x');
    expect(namespaces.claim('data.aws_iam_policy_document', 'x')).toBe('x');
    expect(namespaces.claim('resource.aws_iam_role', 'x')).toBe('x_2');
  });
});

describe('managedPolicyLabel and variableName', () => {
  it('labels a managed policy by the name at the end of its ARN', () => {
    expect(managedPolicyLabel('arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess')).toBe('amazon_s3_read_only_access');
    expect(managedPolicyLabel('arn:aws:iam::aws:policy/')).toBe('managed_policy');
  });

  it('snake-cases parameter names (Terraform convention) and avoids names Terraform reserves', () => {
    expect(variableName('TargetAccountId')).toBe('target_account_id');
    expect(variableName('target account')).toBe('target_account');
    expect(variableName('count')).toBe('count_value');
  });
});
