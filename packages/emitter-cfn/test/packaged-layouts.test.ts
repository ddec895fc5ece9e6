/**
 * The packaged `template.yaml.hbs`, `template.json.hbs` and `description.hbs` are written in code for speed
 * (`packaged-yaml-layout.ts`, `packaged-json-layout.ts`, `packaged-description.ts`); the same templates,
 * loaded as a user's override so that Handlebars renders them, give the same bytes for every fixture and
 * hand-built model, in both formats.
 */
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTemplateSet } from '@deputy/policy-model';
import { describe, expect, it } from 'vitest';
import { defaultCfnTemplates, emitCfn } from '../src/index.js';
import { allCases } from './support/cases.js';

const TEMPLATES_DIR = join(import.meta.dirname, '..', '..', '..', 'templates', 'cfn');
const LAYOUTS = ['template.yaml.hbs', 'template.json.hbs', 'description.hbs'];

function handlebarsTemplates() {
  const overrideDir = mkdtempSync(join(tmpdir(), 'deputy-cfn-layout-'));
  mkdirSync(join(overrideDir, 'cfn'));
  for (const name of LAYOUTS) copyFileSync(join(TEMPLATES_DIR, name), join(overrideDir, 'cfn', name));
  return loadTemplateSet('cfn', TEMPLATES_DIR, overrideDir);
}

describe('the packaged CloudFormation layouts', () => {
  const templates = handlebarsTemplates();

  it('are rendered by Handlebars when loaded as an override', () => {
    expect(templates).not.toBe(defaultCfnTemplates());
    for (const name of LAYOUTS) expect(templates.sources.get(name)).toBe(defaultCfnTemplates().sources.get(name));
  });

  for (const testCase of allCases()) {
    it(`${testCase.name}: code and templates give the same bytes`, () => {
      for (const format of ['yaml', 'json'] as const) {
        const fast = emitCfn(testCase.model, { format })[0]?.contents;
        expect(fast).toMatch(/AWSTemplateFormatVersion/);
        expect(emitCfn(testCase.model, { format, templates })[0]?.contents).toBe(fast);
        expect(emitCfn(testCase.model, { format, templates: defaultCfnTemplates() })[0]?.contents).toBe(fast);
      }
    });
  }
});
