import { describe, expect, it } from 'vitest';
import { snippetModel } from '../src/convert/snippet-model.js';
import { loadDefinitionText } from '../src/load/load-definition.js';
import { statementsOf } from '../src/policy/policy-document.js';
import { SERVICE_CATALOG } from '../src/catalog/service-catalog.js';

const aliased = SERVICE_CATALOG.filter((entry) => (entry.aliases ?? []).length > 0);

describe('a catalog alias names the service, never the principal', () => {
  it('the catalog has aliased entries to check', () => {
    expect(aliased.map((entry) => entry.key)).toContain('edgelambda');
  });

  it('snippet --service lambda-edge trusts edgelambda.amazonaws.com', () => {
    const model = snippetModel({ service: 'lambda-edge', account: '123456789012', region: 'us-east-1' });
    expect(statementsOf(model.roles[0]!.trustPolicy)[0]!.Principal).toEqual({ Service: 'edgelambda.amazonaws.com' });
  });

  it.each(aliased.flatMap((entry) => (entry.aliases ?? []).map((alias) => [alias, entry.principal] as const)))('trustedServices: %s becomes %s', (alias, principal) => {
    const model = loadDefinitionText(`account: "123456789012"\nregion: us-east-1\npartition: aws\nroles:\n  - name: r\n    trustedServices:\n      - service: ${alias}\n`, 'def.yaml');
    expect(statementsOf(model.roles[0]!.trustPolicy)[0]!.Principal).toEqual({ Service: principal });
  });
});
