/** A template with IAM roles says it needs CAPABILITY_NAMED_IAM (YAML header comment, Description in both formats); one without roles says nothing. */
import { loadFixture } from '@deputy/policy-model/testing';
import { describe, expect, it } from 'vitest';
import { emitCfn } from '../src/index.js';

describe('CAPABILITY_NAMED_IAM', () => {
  const withRoles = loadFixture('personalize-current-environment');
  const withoutRoles = loadFixture('resource-policies-every-attachment');

  it('is named in the YAML header and Description of a template with roles', () => {
    const yaml = emitCfn(withRoles)[0]?.contents ?? '';
    expect(yaml.split('\n').slice(0, 4)).toContain('# Deploy with --capabilities CAPABILITY_NAMED_IAM: this template creates IAM roles with custom names.');
    expect(yaml).toMatch(/^Description: .*; deploy with CAPABILITY_NAMED_IAM$/m);
  });

  it('is named in the Description of a JSON template with roles', () => {
    const json = JSON.parse(emitCfn(withRoles, { format: 'json' })[0]?.contents ?? '{}') as { Description?: string };
    expect(json.Description).toMatch(/; deploy with CAPABILITY_NAMED_IAM$/);
  });

  it('is absent when the template creates no IAM role', () => {
    expect(withoutRoles.roles).toHaveLength(0);
    for (const format of ['yaml', 'json'] as const) expect(emitCfn(withoutRoles, { format })[0]?.contents).not.toContain('CAPABILITY');
  });
});
