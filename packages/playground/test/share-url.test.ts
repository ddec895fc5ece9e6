import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE } from '../src/playground-state.js';
import { decodeState, encodeState } from '../src/share-url.js';
import { MAX_FRAGMENT_LENGTH, shareableFragment } from '../src/ui/store.js';

describe('share URL', () => {
  it('the default state is the empty fragment, and the empty fragment the default state', () => {
    expect(encodeState(DEFAULT_STATE)).toBe('');
    expect(decodeState('')).toEqual(DEFAULT_STATE);
  });

  it('round-trips every field that differs from the defaults, Unicode text included', () => {
    const state = { ...DEFAULT_STATE, mode: 'lint' as const, service: 'logs', region: 'eu-west-1', awsProviderMajorVersion: 5 as const, style: 'policy-document' as const, lintText: 'naïve — 日本 ✓\n{"Statement": []}', lintKind: 'yaml' as const };
    const fragment = encodeState(state);
    expect(fragment).toMatch(/^state=[A-Za-z0-9_-]+$/);
    expect(decodeState(`#${fragment}`)).toEqual(state);
  });

  it('keeps only the changed fields in the fragment', () => {
    const fragment = encodeState({ ...DEFAULT_STATE, service: 'sns' });
    const json = JSON.parse(Buffer.from(fragment.slice('state='.length), 'base64url').toString('utf8')) as unknown;
    expect(json).toEqual({ service: 'sns' });
  });

  it('ignores unknown fields, wrong types and values outside each choice', () => {
    const payload = { mode: 'admin', service: 42, region: 'ap-south-1', awsProviderMajorVersion: 7, style: 'policy-document', lintKind: 'exe', extra: true };
    const fragment = `state=${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
    expect(decodeState(fragment)).toEqual({ ...DEFAULT_STATE, region: 'ap-south-1', style: 'policy-document' });
  });

  it('reads the readable form of the fragment, checked as strictly', () => {
    expect(decodeState('#service=sagemaker&region=eu-west-1&awsProviderMajorVersion=5&style=policy-document&mode=snippet')).toEqual({
      ...DEFAULT_STATE,
      service: 'sagemaker',
      region: 'eu-west-1',
      awsProviderMajorVersion: 5,
      style: 'policy-document',
    });
    expect(decodeState('#awsProviderMajorVersion=7&format=xml&mode=admin&service=logs')).toEqual({ ...DEFAULT_STATE, service: 'logs' });
    expect(decodeState('#account=current&lintText=%7B%22a%22%3A1%7D')).toEqual({ ...DEFAULT_STATE, account: 'current', lintText: '{"a":1}' });
  });

  it('falls back to the defaults for a fragment that is not a state', () => {
    for (const fragment of ['#other=1', '#', '#state=!!!', `#state=${Buffer.from('[1,2]').toString('base64url')}`, `#state=${Buffer.from('null').toString('base64url')}`]) {
      expect(decodeState(fragment), fragment).toEqual(DEFAULT_STATE);
    }
  });

  it('leaves a pasted text too long for the address bar out of the link, keeping the other settings', () => {
    const small = { ...DEFAULT_STATE, region: 'eu-west-1', lintText: 'x'.repeat(1000) };
    expect(shareableFragment(small)).toBe(encodeState(small));
    const large = { ...DEFAULT_STATE, region: 'eu-west-1', mode: 'lint' as const, lintText: 'resource "x" "y" {}\n'.repeat(10_000) };
    const fragment = shareableFragment(large);
    expect(fragment.length).toBeLessThanOrEqual(MAX_FRAGMENT_LENGTH);
    expect(decodeState(fragment)).toEqual({ ...DEFAULT_STATE, region: 'eu-west-1', mode: 'lint' });
  });
});
