/**
 * The packaged file and block layouts are written in code for speed (`packagedFileLayout`,
 * `packagedBlockLayout` in hcl-emitter.ts); the same `file.tf.hbs` and `block.tf.hbs`, loaded as a user's
 * override so that Handlebars renders them, give the same bytes for every fixture and hand-built model, in
 * both policy styles, with declarations in the file and shared.
 */
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTemplateSet } from '@deputy/policy-model';
import { describe, expect, it } from 'vitest';
import { defaultHclTemplates, emitHcl } from '../src/index.js';
import { allCases, STYLES } from './support/cases.js';

const TEMPLATES_DIR = join(import.meta.dirname, '..', '..', '..', 'templates', 'hcl');

function handlebarsTemplates() {
  const overrideDir = mkdtempSync(join(tmpdir(), 'deputy-hcl-block-'));
  mkdirSync(join(overrideDir, 'hcl'));
  for (const name of ['block.tf.hbs', 'file.tf.hbs']) copyFileSync(join(TEMPLATES_DIR, name), join(overrideDir, 'hcl', name));
  return loadTemplateSet('hcl', TEMPLATES_DIR, overrideDir);
}

describe('the packaged file and block layouts', () => {
  const templates = handlebarsTemplates();

  it('is rendered by Handlebars when loaded as an override', () => {
    expect(templates).not.toBe(defaultHclTemplates());
    for (const name of ['block.tf.hbs', 'file.tf.hbs']) expect(templates.sources.get(name)).toBe(defaultHclTemplates().sources.get(name));
  });

  for (const testCase of allCases()) {
    it(`${testCase.name}: code and templates give the same bytes`, () => {
      for (const style of STYLES) {
        for (const declarations of ['in-file', 'shared'] as const) {
          const fast = emitHcl(testCase.model, { style, declarations })[0]?.contents;
          expect(fast).toMatch(/\n(resource|data|output|locals|terraform) /);
          expect(emitHcl(testCase.model, { style, declarations, templates })[0]?.contents).toBe(fast);
        }
      }
    });
  }
});
