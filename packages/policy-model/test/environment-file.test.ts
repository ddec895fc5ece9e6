/**
 * Environment files (`parseEnvironmentFile`) and where their values rank when a definition loads:
 * `--set` > environment file > `environments.<name>` > default, with a top-level literal kept.
 */
import { describe, expect, it } from 'vitest';
import { DeputyInputError, environmentLayerFor, formatProblem, loadDefinitionText, parseEnvironmentFile, type LoadDefinitionOptions } from '../src/index.js';

const DEFINITION = `placeholders:
  team: { type: string }
  env: { type: string, default: dev }
environments:
  prod: { account: "111111111111", values: { env: prod, team: envteam } }
roles:
  - name: "{{team}}-{{env}}"
    trustedServices: [{ service: personalize }]
`;

const FILE = parseEnvironmentFile('account: "222222222222"\nvalues: { team: fileteam }\nhcl: { account: current, values: { env: hcl } }\n', 'env.yaml', ['json', 'hcl']);

function loaded(options: LoadDefinitionOptions, text = DEFINITION): { role: string; account: string } {
  const model = loadDefinitionText(text, 'def.yaml', options);
  const account = model.environment.account;
  return { role: model.roles[0]!.name, account: account.kind === 'literal' ? account.value : account.kind };
}

function errors(text: string): string[] {
  try {
    parseEnvironmentFile(text, 'env.yaml', ['json', 'hcl']);
    return [];
  } catch (error) {
    if (!(error instanceof DeputyInputError)) throw error;
    return error.problems.map(formatProblem);
  }
}

describe('environment file precedence', () => {
  const cases: [string, LoadDefinitionOptions, { role: string; account: string }][] = [
    ['--env alone', { environment: 'prod' }, { role: 'envteam-prod', account: '111111111111' }],
    ['the file over --env', { environment: 'prod', environmentFile: FILE.base }, { role: 'fileteam-prod', account: '222222222222' }],
    ['the target section over the top of the file', { environment: 'prod', environmentFile: environmentLayerFor(FILE, 'hcl') }, { role: 'fileteam-hcl', account: 'current' }],
    ['--set over the file', { environment: 'prod', environmentFile: FILE.base, placeholderValues: { team: 'setteam' }, set: { account: '333333333333' } }, { role: 'setteam-prod', account: '333333333333' }],
    ['the file over the default', { environmentFile: FILE.base }, { role: 'fileteam-dev', account: '222222222222' }],
  ];
  for (const [name, options, expected] of cases) it(name, () => expect(loaded(options)).toEqual(expected));

  it('a top-level literal account stays', () => {
    expect(loaded({ environmentFile: FILE.base, set: { account: '333333333333' } }, `account: "444444444444"\n${DEFINITION}`)).toEqual({ role: 'fileteam-dev', account: '444444444444' });
  });

  it('a value its definition does not declare is reported in the file', () => {
    const file = parseEnvironmentFile('values:\n  team: x\n  tema: y\n', 'env.yaml', []);
    expect(() => loadDefinitionText(DEFINITION, 'def.yaml', { environmentFile: file.base })).toThrow(
      'error: env.yaml:3:9: unknown placeholder "tema" in the environment file: def.yaml declares no placeholder tema (did you mean "team"?)',
    );
  });
});

describe('parseEnvironmentFile refuses', () => {
  const cases: [string, string, string[]][] = [
    ['an account as a YAML number', 'account: 123456789012\n', ['error: env.yaml:1:10: account ID 123456789012 is a number, not a string at account (quote it: account: "123456789012"; an account ID is a 12-digit string, and leading zeros are part of it)']],
    ['an unknown key', 'acount: "123456789012"\n', ['error: env.yaml:1:1: unknown key "acount" in the environment file at acount (did you mean "account"?)']],
    ['a nested target section', 'hcl: { json: {} }\n', ['error: env.yaml:1:8: unknown key "json" in the hcl section at hcl.json (sections do not nest: write json: at the top of the file)']],
    ['a bad partition in a section', 'json: { partition: aws-eu }\n', ['error: env.yaml:1:20: invalid partition "aws-eu" at json.partition (partition is aws, aws-cn, aws-us-gov or current)']],
    ['a boolean value', 'values: { enabled: true }\n', ['error: env.yaml:1:20: expected string or integer, not boolean true at values.enabled (see the definition schema)']],
  ];
  for (const [name, text, expected] of cases) it(name, () => expect(errors(text)).toEqual(expected));

  it('accepts what an environments: entry holds', () => {
    const file = parseEnvironmentFile('{"account": {"parameter": "AccountId"}, "region": "current", "partition": "aws", "values": {"shard": 3}}', 'env.json', []);
    expect(file.base.fields.account?.value).toEqual({ parameter: 'AccountId' });
    expect(file.base.values['shard']).toEqual({ value: '3', location: { file: 'env.json', line: 1, column: 102 } });
  });
});
