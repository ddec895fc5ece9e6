/**
 * Terraform JSON syntax rules checked offline on every emitted file (terraform validate needs the AWS
 * provider, which cannot be installed offline; terraform-evaluation.test.ts runs Terraform on everything
 * that does not need it). Checked here: the top-level keys Terraform accepts, block nesting, names that
 * are valid identifiers, `//` comments only where Terraform ignores them (block bodies and `locals`), every argument string a valid
 * template whose interpolations are references or string literals, 2-space JSON with a final newline, and
 * the same bytes on every run.
 */
import { fixtureCases, loadFixture, modelArbitrary } from '@deputy/policy-model/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emitTerraformJson } from '../src/index.js';
import { serializeTerraformJson, type JsonObject } from '@deputy/terraform-plan';
import { hostileModel } from './support/hostile-model.js';
import { waivedModel } from './support/waived-model.js';
import { hasLoneSurrogate } from './support/model-fields.js';
import { templateParts } from './support/template-decoding.js';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const REFERENCE = /^(data\.aws_(caller_identity|region|partition)\.current\.[a-z_]+|var\.[A-Za-z_][A-Za-z0-9_-]*|local\.[a-z0-9_]+|aws_[a-z0-9_]+\.[a-z0-9_]+\.(id|name|arn))$/;
const STRING_LITERAL = /^\("(?:[^"\\]|\\.)*"\)$/;
const VARIABLE_KEYS = new Set(['type', 'description', 'validation']);
const OUTPUT_KEYS = new Set(['//', 'value', 'description']);

function syntaxProblems(contents: string): string[] {
  const problems: string[] = [];
  const json = JSON.parse(contents) as { [key: string]: Json };
  if (serializeTerraformJson(json as JsonObject) !== contents) problems.push('not in canonical form (2-space JSON, invisible characters escaped, one final newline)');
  if (!contents.split('\n').slice(0, -1).every((line) => /^( {2})*\S/.test(line))) problems.push('indentation is not a multiple of two spaces');
  const templates: [string, string][] = [];
  const collect = (where: string, value: Json): void => {
    if (typeof value === 'string') templates.push([where, value]);
    else if (Array.isArray(value)) value.forEach((item, index) => collect(`${where}[${index}]`, item));
    else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) {
      templates.push([`${where} key`, key]);
      collect(`${where}.${key}`, item);
    }
  };
  for (const [key, value] of Object.entries(json)) {
    if (!['//', 'terraform', 'variable', 'data', 'locals', 'resource', 'output'].includes(key)) problems.push(`unexpected top-level key ${key}`);
    if (key === 'terraform') {
      const aws = (value as { required_providers?: { aws?: Json } }).required_providers?.aws;
      if (JSON.stringify(Object.keys((aws ?? {}) as object)) !== '["source","version"]') problems.push('terraform.required_providers.aws is not { source, version }');
      continue;
    }
    if (key === '//' || typeof value !== 'object' || value === null || Array.isArray(value)) continue;
    for (const [name, inner] of Object.entries(value)) {
      if (key === 'locals' && name === '//') {
        if (!Array.isArray(inner) || !inner.every((line) => typeof line === 'string')) problems.push('locals has a malformed comment');
        continue;
      }
      if (!IDENTIFIER.test(name)) problems.push(`${key} name ${name} is not an identifier`);
      if (key === 'locals') collect(`local.${name}`, inner);
      if (key === 'variable' || key === 'output') {
        const body = inner as { [key: string]: Json };
        for (const argument of Object.keys(body)) if (!(key === 'variable' ? VARIABLE_KEYS : OUTPUT_KEYS).has(argument)) problems.push(`${key}.${name} has ${argument}`);
        if (key === 'variable') collect(`var.${name}.validation`, body['validation'] ?? null);
        if (key === 'output') collect(`output.${name}.value`, body['value'] ?? null);
      }
      if (key === 'resource' || key === 'data') {
        for (const [label, body] of Object.entries(inner as { [key: string]: Json })) {
          if (!IDENTIFIER.test(label)) problems.push(`${key}.${name}.${label} is not an identifier`);
          for (const [argument, argumentValue] of Object.entries(body as { [key: string]: Json })) {
            if (argument === '//') {
              if (!Array.isArray(argumentValue) || !argumentValue.every((notice) => typeof notice === 'string')) problems.push(`${name}.${label} has a malformed comment`);
              continue;
            }
            if (!/^[a-z_]+$/.test(argument)) problems.push(`${name}.${label} has argument ${argument}`);
            collect(`${name}.${label}.${argument}`, argumentValue);
          }
        }
      }
    }
  }
  for (const [where, template] of templates) {
    try {
      for (const part of templateParts(template)) {
        if ('expression' in part && !REFERENCE.test(part.expression) && !STRING_LITERAL.test(part.expression) && !/^can\(regex\(/.test(part.expression)) {
          problems.push(`${where} interpolates ${part.expression}`);
        }
      }
    } catch (error) {
      problems.push(`${where}: ${(error as Error).message}`);
    }
  }
  return problems;
}

describe('tf-json files follow Terraform JSON syntax', () => {
  it.each([...fixtureCases(), 'hand-made hostile model', 'hand-built waived model'])('%s', (caseName) => {
    const model = caseName === 'hand-made hostile model' ? hostileModel() : caseName === 'hand-built waived model' ? waivedModel() : loadFixture(caseName);
    const [file] = emitTerraformJson(model);
    expect(syntaxProblems(file?.contents ?? '')).toEqual([]);
    expect(emitTerraformJson(model)).toEqual([file]);
  });

  it('generated models with hostile strings (fast-check, 100 runs)', () => {
    fc.assert(
      fc.property(modelArbitrary().filter((model) => !hasLoneSurrogate(model)), (model) => {
        const [file] = emitTerraformJson(model);
        expect(syntaxProblems(file?.contents ?? '')).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
