/**
 * Round trip: every policy of the round-trip set, wrapped as `deputy convert` wraps it, emitted as
 * `.tf.json`, parsed back and decoded, is the identical policy.
 */
import { convertPolicyText } from '@deputy/policy-model';
import { roundTripPolicies } from '@deputy/policy-model/testing';
import { describe, expect, it } from 'vitest';
import { emitTerraformJson } from '../src/index.js';
import { readConfiguration } from './support/terraform-configuration.js';

describe('convert → tf-json → parse gives the identical policy', () => {
  it('has policies to check', () => {
    expect(roundTripPolicies().length).toBeGreaterThan(0);
  });

  it.each(roundTripPolicies().map((policy) => [policy.name, policy] as const))('%s', async (_name, policy) => {
    const converted = convertPolicyText(policy.text, policy.file);
    const [file] = emitTerraformJson(converted.model);
    const configuration = await readConfiguration(JSON.parse(file?.contents ?? 'null'), 'tf-json', new Map());
    const documents = [
      ...Object.values(configuration.blocks).flatMap((block) => Object.values(block.arguments)),
      ...Object.values(configuration.locals),
    ].flatMap((value) => (value.kind === 'policy' ? [value.document] : []));
    expect(documents).toHaveLength(1);
    expect(documents[0]).toEqual(JSON.parse(policy.text));
    expect(documents[0]).toEqual(converted.document);
  });
});
