/** The escaping function with the cdktf guard: Terraform template syntax, `$` before interpolations, and cdktf's token shapes. */
import { DeputyInputError, interpolate, reference, type DeputyModel } from '@deputy/policy-model';
import { describe, expect, it } from 'vitest';
import { literalTemplate as plainLiteralTemplate, terraformTemplate as plainTerraformTemplate, type TemplatePiece } from '@deputy/terraform-plan';
import { CDKTF_TEXT_GUARD, hasCdktfTokenShape, literalOnlyText } from '../src/index.js';
import { synthesizeTerraformJson as emitTerraformJson } from './support/synthesized-json.js';

const literalTemplate = (text: string): string => plainLiteralTemplate(text, CDKTF_TEXT_GUARD);
const terraformTemplate = (pieces: readonly TemplatePiece[]): string => plainTerraformTemplate(pieces, CDKTF_TEXT_GUARD);
import { CDKTF_TOKEN_TEXTS } from '../../emitter-tf-json/test/support/hostile-model.js';
import { decodeLiteral, templateParts } from '../../emitter-tf-json/test/support/template-decoding.js';

describe('terraformTemplate', () => {
  it.each([
    ['plain text', 'plain text'],
    ['${aws:username}', '$${aws:username}'],
    ['%{ if x }', '%%{ if x }'],
    ['$${kept}', '$$${kept}'],
    ['100% ${ and } $ alone', '100% $${ and } $ alone'],
    ['${TfToken[TOKEN.1]}', '${("$")}{TfToken[TOKEN.1]}'],
    ['#{TfToken[TOKEN.1]}', '${("#")}{TfToken[TOKEN.1]}'],
    ['&{TfToken[TOKEN.1]}', '${("&")}{TfToken[TOKEN.1]}'],
    ['$#{TfToken[x]}', '${("$")}${("#")}{TfToken[x]}'],
    ['Any Map Token Value', '${("A")}ny Map Token Value'],
    ['-1.8881545897087626e+289', '-1.8881545897087626${("e")}+289'],
    ['1e3 and 2.5e-7 stay', '1e3 and 2.5e-7 stay'],
  ])('writes %j as %j', (text, template) => {
    expect(literalTemplate(text)).toBe(template);
    expect(decodeLiteral(template)).toBe(text);
    expect(hasCdktfTokenShape(template)).toBe(false);
  });

  it('writes a run of $ before an interpolation as a string literal, so the interpolation stays one', () => {
    const template = terraformTemplate([{ text: 'arn:$$' }, { expression: 'var.account' }, { text: '$' }]);
    expect(template).toBe('arn:${("$$")}${var.account}$');
    expect(templateParts(template)).toEqual([{ text: 'arn:$$' }, { expression: 'var.account' }, { text: '$' }]);
  });

  it('neutralises a token shape that spans pieces of literal text', () => {
    const template = terraformTemplate([{ text: '${TfToken[' }, { text: '123456789012' }, { text: ']}' }]);
    expect(template).toBe('${("$")}{TfToken[123456789012]}');
  });

  it('recognises every cdktf token shape it must neutralise', () => {
    for (const text of CDKTF_TOKEN_TEXTS) expect(hasCdktfTokenShape(text), text).toBe(true);
  });

  it('refuses a lone surrogate, which no UTF-8 file can carry', () => {
    expect(() => literalTemplate('a\ud800b')).toThrow(/lone UTF-16 surrogate/);
  });
});

describe('fields Terraform reads literally', () => {
  it('keep template syntax as it is', () => {
    expect(literalOnlyText('desc ${not} %{x}', 'a description', 'x.yaml')).toBe('desc ${not} %{x}');
  });

  it.each(CDKTF_TOKEN_TEXTS)('reject cdktf token text %j with a user error naming the field', (text) => {
    expect(() => literalOnlyText(text, 'the description of parameter Account', 'x.yaml')).toThrow(DeputyInputError);
  });

  it('a parameter description holding a cdktf token is a user error of the emitter', () => {
    const model: DeputyModel = {
      source: 'token.yaml',
      baseName: 'token',
      environment: { account: { kind: 'parameter', name: 'Account', description: 'uses #{TfToken[TOKEN.9]}' }, region: { kind: 'current' }, partition: { kind: 'current' } },
      roles: [],
      resourcePolicies: [
        {
          name: 'doc',
          id: 'doc',
          attachment: { type: 'document' },
          document: { Statement: { Effect: 'Allow', Principal: { AWS: interpolate([reference('account')]) }, Action: 's3:*' } },
          notices: [],
        },
      ],
    };
    expect(() => emitTerraformJson(model)).toThrow(/description of parameter account contains text that cdktf reads as one of its tokens/);
  });
});
