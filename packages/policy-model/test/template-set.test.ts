/**
 * Template sets: defaults precompiled at build time render exactly as when compiled from their source, a
 * precompiled entry is used only while its recorded source is the one on disk, and overrides are compiled.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeputyInputError, handlebarsWithCompiler, loadTemplateSet, PRECOMPILED_TEMPLATES_FILE, precompiledTemplatesSource, renderTemplate, TEMPLATE_COMPILE_OPTIONS } from '../src/index.js';

const WORKSPACE_TEMPLATES = join(import.meta.dirname, '..', '..', '..', 'templates');

function templatesDir(files: Record<string, string>, precompiled: Record<string, string> = files): string {
  const dir = mkdtempSync(join(tmpdir(), 'deputy-templates-'));
  for (const [name, source] of Object.entries(files)) writeFileSync(join(dir, name), source);
  writeFileSync(join(dir, PRECOMPILED_TEMPLATES_FILE), precompiledTemplatesSource(new Map(Object.entries(precompiled))));
  return dir;
}

describe('precompiled templates', () => {
  it('every default template renders the same precompiled as compiled from its source', () => {
    const contexts: Record<string, object> = {
      'block.tf.hbs': { comments: ['# a "quoted" comment & <tag>'], header: 'resource "aws_iam_role" "r"', body: '  name = "${x}"' },
      'file.tf.hbs': { source: 'defs/a & b.yaml', blocks: ['one {}', 'two {}'] },
      'description.hbs': { source: 'it\'s "here".yaml' },
      'template.json.hbs': { formatVersion: '"2010-09-09"', description: '"d"', metadata: null, parameters: '{}', resources: '{}', outputs: null },
      'template.yaml.hbs': { sourceComment: 's', formatVersion: "'2010-09-09'", description: 'd', parameters: [{ key: 'P', comments: ['# c'], body: '    Type: String' }], resources: [{ key: 'R', comments: [], body: '    Type: X' }], outputs: [] },
      'policy.json.hbs': { document: '{"Statement": []}' },
    };
    for (const target of readdirSync(WORKSPACE_TEMPLATES)) {
      const names = readdirSync(join(WORKSPACE_TEMPLATES, target)).filter((name) => name.endsWith('.hbs'));
      const sources = Object.fromEntries(names.map((name) => [name, readFileSync(join(WORKSPACE_TEMPLATES, target, name), 'utf8')]));
      const fromSource = loadTemplateSet(target, join(WORKSPACE_TEMPLATES, target));
      const precompiled = loadTemplateSet(target, templatesDir(sources));
      expect(fromSource.precompiled?.size, 'the workspace templates are not precompiled').toBe(0);
      expect([...(precompiled.precompiled?.keys() ?? [])].sort()).toEqual(names.sort());
      for (const name of names) {
        const context = contexts[name];
        expect(context, `a sample context for ${target}/${name}`).toBeDefined();
        expect(renderTemplate(precompiled, name, context!)).toBe(renderTemplate(fromSource, name, context!));
      }
    }
  });

  it('uses a precompiled entry only while its source matches the file', () => {
    const dir = templatesDir({ 'a.hbs': 'now {{x}}' }, { 'a.hbs': 'then {{x}}' });
    expect(renderTemplate(loadTemplateSet('t', dir), 'a.hbs', { x: 1 })).toBe('now 1');
    const current = templatesDir({ 'a.hbs': 'then {{x}}' });
    expect(renderTemplate(loadTemplateSet('t', current), 'a.hbs', { x: 1 })).toBe('then 1');
  });

  it('compiles an override, and reports its errors against the override file', () => {
    const defaults = templatesDir({ 'a.hbs': 'default {{x}}' });
    const overrides = mkdtempSync(join(tmpdir(), 'deputy-overrides-'));
    mkdirSync(join(overrides, 't'));
    writeFileSync(join(overrides, 't', 'a.hbs'), 'override {{x}} {{missing}}');
    const set = loadTemplateSet('t', defaults, overrides);
    expect(() => renderTemplate(set, 'a.hbs', { x: 1 })).toThrow(DeputyInputError);
    try {
      renderTemplate(set, 'a.hbs', { x: 1 });
    } catch (error) {
      expect((error as DeputyInputError).problems[0]).toMatchObject({ code: 'template-error', file: join(overrides, 't', 'a.hbs') });
    }
    writeFileSync(join(overrides, 't', 'a.hbs'), 'override {{x}}');
    expect(renderTemplate(loadTemplateSet('t', defaults, overrides), 'a.hbs', { x: 1 })).toBe('override 1');
  });
});

describe('plain templates (text and {{name}} only)', () => {
  const sources = [
    '{{document}}\n',
    'a {{x}} b {{y}}{{x}}',
    'no references at all\n',
    '\\{{x}} escaped',
    '\\\\{{x}} after a backslash',
    '{{{x}}} triple',
    '{{x}}} brace after',
    '{ {{x}}',
    '{{ x }} spaced',
    '{{this}} {{true}} {{lookup}}',
    '{{x}} }} stray close',
    '{{#if x}}{{x}}{{/if}}',
  ];
  const contexts: object[] = [
    { x: 'one', y: '"two" & <3>', document: '{\n  "a": "$&"\n}' },
    { x: 'one', y: 2, document: 3 },
    { x: '', y: null, document: true },
    { x: 'only x' },
    Object.create({ x: 'inherited', y: 'inherited', document: 'inherited' }) as object,
  ];

  function outcome(render: () => string): string {
    try {
      return `ok ${render()}`;
    } catch (error) {
      return `error ${error instanceof DeputyInputError ? error.problems[0]!.message : `template error: ${(error as Error).message.split('\n')[0]}`}`;
    }
  }

  it.each(sources)('renders %j exactly as Handlebars does, and fails where it fails', (source) => {
    const set = loadTemplateSet('t', templatesDir({ 'a.hbs': source }, {}));
    const handlebars = handlebarsWithCompiler().compile(source, TEMPLATE_COMPILE_OPTIONS);
    for (const context of contexts) expect(outcome(() => renderTemplate(set, 'a.hbs', context))).toBe(outcome(() => handlebars(context)));
  });
});
