import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFINITION_SCHEMA } from '../src/definition/definition-schema.js';
import { updatingGoldens } from '../src/testing/golden-files.js';

const schemaFile = fileURLToPath(new URL('../schema/definition.schema.json', import.meta.url));
const definitionSource = readFileSync(fileURLToPath(new URL('../src/definition/definition.ts', import.meta.url)), 'utf8');

describe('definition JSON Schema', () => {
  it('is committed as schema/definition.schema.json, written from the code', () => {
    const written = `${JSON.stringify(DEFINITION_SCHEMA, null, 2)}\n`;
    if (updatingGoldens()) writeFileSync(schemaFile, written);
    expect(readFileSync(schemaFile, 'utf8')).toBe(written);
  });

  it('describes every field of the definition, and only fields the TypeScript types declare', () => {
    const fields = (schema: unknown): [string, { description?: string }][] => {
      const properties = (schema as { properties?: Record<string, { description?: string }> }).properties ?? {};
      return Object.entries(properties);
    };
    const top = fields(DEFINITION_SCHEMA);
    const role = fields(DEFINITION_SCHEMA.properties.roles.items);
    const trusted = fields(DEFINITION_SCHEMA.properties.roles.items.properties.trustedServices.items);
    const resource = fields(DEFINITION_SCHEMA.properties.resourcePolicies.items);
    for (const [name, property] of [...top, ...role, ...trusted, ...resource]) {
      expect(property.description, `${name} has a description`).toMatch(/\w/);
      expect(definitionSource, `${name} is declared in definition.ts`).toMatch(new RegExp(`readonly ${name.replace('$', '\\$')}\\??:`));
    }
  });
});

describe('the precompiled definition validator', () => {
  it('is current with schema/definition.schema.json', async () => {
    const generator = (await import(new URL('../scripts/generate-validator.mjs', import.meta.url).href)) as { generatedValidatorSource(): string };
    const file = fileURLToPath(new URL('../src/definition/definition-validator.generated.cjs', import.meta.url));
    const source = generator.generatedValidatorSource();
    if (updatingGoldens()) writeFileSync(file, source);
    expect(readFileSync(file, 'utf8')).toBe(source);
  });
});
