/**
 * The resource policies that the terraform-aws-modules sns, sqs and kms modules build from their inputs, read
 * from a `module` block when the inputs are literal (as the modules' `main.tf` writes them, each input
 * statement is one `statement` of an `aws_iam_policy_document`):
 *
 * - `sns`: `topic_policy_statements` (a map of statements, the key is the Sid), the topic policy;
 * - `sqs`: `queue_policy_statements` and `dlq_queue_policy_statements`, the queue policies (`condition` or
 *   `conditions`);
 * - `kms`: `key_statements` (a list, or a map), the key policy.
 *
 * A module with `create = false` builds nothing. The other statements the modules add (the owner's access,
 * `key_service_users` …) name no service principal and are not read.
 */
import type { IntegrationKind } from '@deputy/policy-model';
import type { LocatedValue } from '../../located/located-value.js';
import type { Position } from '../../located/position.js';
import type { DocAttribute, DocBlock } from '../../policy/policy-document-view.js';
import { literalTextOf } from '../../policy/text-value.js';
import { statementFromObject, type Input } from './module-trust.js';

/** The modules whose resource policy inputs deputy reads. */
export type ResourcePolicyModule = 'sns' | 'sqs' | 'kms';

/** One resource policy a module block's inputs build. */
export interface ModuleResourcePolicy {
  /** Which module. */
  readonly module: ResourcePolicyModule;
  /** The input it is built from (`topic_policy_statements` …). */
  readonly input: string;
  /** The resource it is attached to. */
  readonly integration: IntegrationKind;
  /** The policy as an `aws_iam_policy_document` would read. */
  readonly document: DocBlock;
  /** Where the module and the input are written (suppression anchors). */
  readonly anchorLines: readonly number[];
}

const MODULES: readonly { module: ResourcePolicyModule; source: RegExp; integration: IntegrationKind; inputs: readonly string[] }[] = [
  { module: 'sns', source: /^(registry\.terraform\.io\/)?terraform-aws-modules\/sns\/aws(\/\/)?$|terraform-aws-sns(\.git)?(\?.*)?$/, integration: 'sns-topic', inputs: ['topic_policy_statements'] },
  { module: 'sqs', source: /^(registry\.terraform\.io\/)?terraform-aws-modules\/sqs\/aws(\/\/)?$|terraform-aws-sqs(\.git)?(\?.*)?$/, integration: 'sqs-queue', inputs: ['queue_policy_statements', 'dlq_queue_policy_statements'] },
  { module: 'kms', source: /^(registry\.terraform\.io\/)?terraform-aws-modules\/kms\/aws(\/\/)?$|terraform-aws-kms(\.git)?(\?.*)?$/, integration: 'kms-key', inputs: ['key_statements'] },
];

/** The resource policies a module's inputs build, whatever syntax they are read from; `at` is where the module is declared. */
export function resourcePoliciesOfInputs(input: Input, at: Position): ModuleResourcePolicy[] {
  const sourceText = input('source');
  const known = sourceText === undefined ? undefined : MODULES.find(({ source }) => source.test(literalTextOf(sourceText.value) ?? ''));
  if (known === undefined) return [];
  const create = input('create');
  if (create !== undefined && create.value.kind === 'boolean' && !create.value.value) return [];
  const policies: ModuleResourcePolicy[] = [];
  for (const name of known.inputs) {
    const attribute = input(name);
    if (attribute === undefined || attribute.value.kind === 'null') continue;
    const statements = statementsOf(attribute);
    policies.push({
      module: known.module,
      input: name,
      integration: known.integration,
      document: { at, attributes: new Map(), blocks: new Map([['statement', statements.known]]), dynamicBlocks: new Set(statements.unknown ? ['statement'] : []) },
      anchorLines: [at.line, attribute.at.line],
    });
  }
  return policies;
}

/** A map (key: Sid) or a list of statement objects. */
function statementsOf(attribute: DocAttribute): { known: DocBlock[]; unknown: boolean } {
  const value = attribute.value;
  if (value.kind === 'object') return { known: value.entries.map((entry) => statementFromObject(entry.key, withCondition(entry.value), entry.keyAt)), unknown: value.unknownEntries };
  if (value.kind === 'array') {
    const objects = value.items.filter((item) => item.kind === 'object');
    return { known: objects.map((item, index) => statementFromObject(literalTextOf(sidOf(item) ?? item) ?? String(index), withCondition(item), item.at)), unknown: objects.length !== value.items.length };
  }
  return { known: [], unknown: true };
}

function sidOf(statement: LocatedValue): LocatedValue | undefined {
  return statement.kind === 'object' ? statement.entries.find((entry) => entry.key === 'sid')?.value : undefined;
}

/** The sqs module also accepts `conditions`: read as `condition`, the name `aws_iam_policy_document` uses. */
function withCondition(statement: LocatedValue): LocatedValue {
  if (statement.kind !== 'object' || statement.entries.some((entry) => entry.key === 'condition')) return statement;
  return { ...statement, entries: statement.entries.map((entry) => (entry.key === 'conditions' ? { ...entry, key: 'condition' } : entry)) };
}
