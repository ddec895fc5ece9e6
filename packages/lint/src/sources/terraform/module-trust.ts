/**
 * The trust policies that the most used public modules build from their inputs, read from a `module`
 * block when the inputs are literal (terraform-aws-modules, as their `main.tf` writes them):
 *
 * - `iam//modules/iam-role` (v6): one statement per `trust_policy_permissions` entry (`actions`, `effect`,
 *   `principals`, `condition`, as in an `aws_iam_policy_document`);
 * - `iam//modules/iam-assumable-role` (v5): `trusted_role_services` / `trusted_role_arns` with
 *   `trusted_role_actions` (default `sts:AssumeRole`, `sts:TagSession`); with `role_requires_mfa` (the
 *   default) the statement requires MFA, which no service sends, so no service is trusted;
 * - `lambda`: `lambda.amazonaws.com` (and `edgelambda.amazonaws.com` with `lambda_at_edge`) plus the
 *   strings of `trusted_entities` as Service principals and its `{ type, identifiers }` objects, no
 *   condition; `assume_role_policy_statements` entries as statements;
 * - `step-functions`: `states.<region>.amazonaws.com` plus `trusted_entities`, no condition;
 * - `eks` (the cluster): `eks.amazonaws.com` with `sts:AssumeRole` and `sts:TagSession`, no condition.
 *
 * A module with `create_role = false`, `create_iam_role = false`, `create = false` (or the step-functions
 * module's `use_existing_role = true`) builds no role. Inputs that are not literal
 * make the part they feed unknown.
 */
import type { SyntaxNode as Node } from './syntax-node.js';
import { itemsOf, memberOf, type LocatedValue } from '../../located/located-value.js';
import type { Position } from '../../located/position.js';
import type { DocAttribute, DocBlock } from '../../policy/policy-document-view.js';
import { literalTextOf } from '../../policy/text-value.js';
import { hclValue, type HclSource } from './hcl-expression.js';
import { blockAttributes } from './terraform-blocks.js';

/** The modules whose trust inputs deputy reads. */
export type TrustModule = 'iam-role' | 'iam-assumable-role' | 'lambda' | 'step-functions' | 'eks';

/** What a module block's inputs make of the role's trust policy. */
export interface ModuleTrustPolicy {
  /** Which module. */
  readonly module: TrustModule;
  /** The trust policy as an `aws_iam_policy_document` would read. */
  readonly document: DocBlock;
  /** Where the inputs that build it are written (suppression anchors). */
  readonly anchorLines: readonly number[];
}

const SOURCES: readonly [TrustModule, RegExp][] = [
  ['iam-role', /(terraform-aws-modules\/iam\/aws|terraform-aws-iam(\.git)?)\/\/modules\/iam-role(\?.*)?$|^\.{1,2}\/.*modules\/iam-role\/?$/],
  ['iam-assumable-role', /(terraform-aws-modules\/iam\/aws|terraform-aws-iam(\.git)?)\/\/modules\/iam-assumable-role(\?.*)?$|^\.{1,2}\/.*modules\/iam-assumable-role\/?$/],
  ['lambda', /^(registry\.terraform\.io\/)?terraform-aws-modules\/lambda\/aws(\/\/)?$|terraform-aws-lambda(\.git)?(\?.*)?$/],
  ['step-functions', /^(registry\.terraform\.io\/)?terraform-aws-modules\/step-functions\/aws(\/\/)?$|terraform-aws-step-functions(\.git)?(\?.*)?$/],
  ['eks', /^(registry\.terraform\.io\/)?terraform-aws-modules\/eks\/aws(\/\/)?$|terraform-aws-eks(\.git)?(\?.*)?$/],
];

/** The trust module a `module` block's `source` names, if any. */
export function trustModuleOf(sourceText: string): TrustModule | undefined {
  return SOURCES.find(([, pattern]) => pattern.test(sourceText))?.[0];
}

/** The trust policy a module block builds, or undefined when it is not a known module or builds no role. */
export function moduleTrustPolicy(block: Node, source: HclSource): ModuleTrustPolicy | undefined {
  const attributes = blockAttributes(block);
  return trustPolicyOfInputs((name) => {
    const attribute = attributes.get(name);
    return attribute ? { at: source.position(attribute.name.startIndex), value: hclValue(attribute.value, source) } : undefined;
  }, source.position(block.startIndex));
}

/**
 * The trust policy a module builds from its inputs, whatever syntax they are read from (an HCL `module`
 * block, a `.tf.json` `module` object); `at` is where the module is declared.
 */
export function trustPolicyOfInputs(input: Input, at: Position): ModuleTrustPolicy | undefined {
  const sourceText = input('source');
  const module = sourceText === undefined ? undefined : trustModuleOf(literalTextOf(sourceText.value) ?? '');
  if (module === undefined) return undefined;
  if (isFalse(input('create_role')) || isFalse(input('create_iam_role')) || isFalse(input('create')) || isTrue(input('use_existing_role'))) return undefined;
  const statements = statementsFor(module, input, at);
  if (statements === undefined) return undefined;
  const used = ['trust_policy_permissions', 'trusted_role_services', 'trusted_entities', 'assume_role_policy_statements']
    .map(input)
    .filter((attribute): attribute is DocAttribute => attribute !== undefined)
    .map((attribute) => attribute.at.line);
  return {
    module,
    document: { at, attributes: new Map(), blocks: new Map([['statement', statements.known]]), dynamicBlocks: new Set(statements.unknown ? ['statement'] : []) },
    anchorLines: [at.line, ...used],
  };
}

/** Reads one module input by name. */
export type Input = (name: string) => DocAttribute | undefined;

function statementsFor(module: TrustModule, input: Input, at: Position): { known: DocBlock[]; unknown: boolean } | undefined {
  switch (module) {
    case 'iam-role':
      return mapStatements(input('trust_policy_permissions'));
    case 'iam-assumable-role': {
      const mfa = input('role_requires_mfa');
      if (mfa === undefined || !isFalse(mfa)) return undefined;
      const actions = input('trusted_role_actions') ?? literal(['sts:AssumeRole', 'sts:TagSession'], at);
      const principals = [principalBlock('AWS', input('trusted_role_arns'), at), principalBlock('Service', input('trusted_role_services'), at)].filter(present);
      const externalId = input('role_sts_externalid');
      const conditions = externalId && externalId.value.kind !== 'null' ? [conditionBlock('StringEquals', 'sts:ExternalId', externalId, at)] : [];
      return { known: [statementBlock(at, actions, principals, conditions)], unknown: false };
    }
    case 'lambda': {
      const edge = input('lambda_at_edge');
      const fixed = ['lambda.amazonaws.com', ...(edge && literalTextOf(edge.value) === 'true' ? ['edgelambda.amazonaws.com'] : [])];
      const entities = input('trusted_entities');
      const services: LocatedValue[] = fixed.map((text) => ({ kind: 'text', parts: [text], at, raw: JSON.stringify(text) }));
      const others: DocBlock[] = [];
      let unknown = entities !== undefined && entities.value.kind !== 'array';
      for (const entity of entities?.value.kind === 'array' ? entities.value.items : []) {
        if (entity.kind === 'text') services.push(entity);
        else if (entity.kind === 'object') others.push(principalBlock(literalTextOf(memberOf(entity, 'type') ?? entity) ?? '', { at: entity.at, value: memberOf(entity, 'identifiers') ?? entity }, entity.at)!);
        else unknown = true;
      }
      const principals = [principalBlock('Service', { at: entities?.at ?? at, value: { kind: 'array', items: services, at: entities?.value.at ?? at, raw: '' } }, at)!, ...others];
      const extra = mapStatements(input('assume_role_policy_statements'));
      const main = statementBlock(at, literal(['sts:AssumeRole'], at), principals, []);
      return { known: [main, ...(extra?.known ?? [])], unknown: unknown || (extra?.unknown ?? false) };
    }
    case 'eks': {
      const principals = [principalBlock('Service', literal(['eks.amazonaws.com'], at), at)!];
      const statement = statementBlock(at, literal(['sts:AssumeRole', 'sts:TagSession'], at), principals, []);
      return { known: [{ ...statement, attributes: new Map([...statement.attributes, ['sid', { at, value: { kind: 'text', parts: ['EKSClusterAssumeRole'], at, raw: '"EKSClusterAssumeRole"' } }]]) }], unknown: false };
    }
    case 'step-functions': {
      const region = input('aws_region_assume_role');
      const regionText = region ? literalTextOf(region.value) : undefined;
      const states: LocatedValue = regionText
        ? { kind: 'text', parts: [`states.${regionText}.amazonaws.com`], at: region!.value.at, raw: region!.value.raw }
        : { kind: 'text', parts: ['states.', { opaque: '${local.aws_region}' }, '.amazonaws.com'], at, raw: '' };
      const entities = input('trusted_entities');
      const items = [states, ...(entities?.value.kind === 'array' ? entities.value.items : [])];
      const principals = [principalBlock('Service', { at: entities?.at ?? at, value: { kind: 'array', items, at: entities?.value.at ?? at, raw: '' } }, at)!];
      return { known: [statementBlock(at, literal(['sts:AssumeRole'], at), principals, [])], unknown: entities !== undefined && entities.value.kind !== 'array' };
    }
  }
}

/** A map of statement objects (`trust_policy_permissions`, `assume_role_policy_statements`). */
function mapStatements(attribute: DocAttribute | undefined): { known: DocBlock[]; unknown: boolean } | undefined {
  if (attribute === undefined || attribute.value.kind === 'null') return undefined;
  if (attribute.value.kind !== 'object') return { known: [], unknown: true };
  const known = attribute.value.entries.map((entry) => statementFromObject(entry.key, entry.value, entry.keyAt));
  return { known, unknown: attribute.value.unknownEntries };
}

/** One statement written as an object with the attribute and block names of `aws_iam_policy_document`. */
export function statementFromObject(key: string, value: LocatedValue, at: Position): DocBlock {
  const attributes = new Map<string, DocAttribute>();
  const blocks = new Map<string, DocBlock[]>();
  const dynamicBlocks = new Set<string>();
  if (value.kind === 'object') {
    for (const entry of value.entries) {
      if (entry.key === 'principals' || entry.key === 'not_principals' || entry.key === 'condition') {
        if (entry.value.kind === 'null') continue;
        if (entry.value.kind !== 'array' || entry.value.items.some((item) => item.kind !== 'object')) dynamicBlocks.add(entry.key);
        else blocks.set(entry.key, entry.value.items.map((item) => objectBlock(item)));
      } else {
        attributes.set(entry.key, { at: entry.keyAt, value: entry.value });
      }
    }
    if (value.unknownEntries) dynamicBlocks.add('condition');
  } else {
    dynamicBlocks.add('principals');
    dynamicBlocks.add('condition');
  }
  if (!attributes.has('sid')) attributes.set('sid', { at, value: { kind: 'text', parts: [key], at, raw: JSON.stringify(key) } });
  return { at, attributes, blocks, dynamicBlocks };
}

function objectBlock(value: LocatedValue): DocBlock {
  const attributes = new Map<string, DocAttribute>();
  if (value.kind === 'object') for (const entry of value.entries) attributes.set(entry.key, { at: entry.keyAt, value: entry.value });
  return { at: value.at, attributes, blocks: new Map(), dynamicBlocks: new Set() };
}

function statementBlock(at: Position, actions: DocAttribute, principals: readonly DocBlock[], conditions: readonly DocBlock[]): DocBlock {
  const blocks = new Map<string, DocBlock[]>([['principals', [...principals]]]);
  if (conditions.length > 0) blocks.set('condition', [...conditions]);
  return { at, attributes: new Map([['actions', actions]]), blocks, dynamicBlocks: new Set() };
}

function principalBlock(type: string, identifiers: DocAttribute | undefined, at: Position): DocBlock | undefined {
  if (identifiers === undefined) return undefined;
  const typeValue: LocatedValue = { kind: 'text', parts: [type], at, raw: JSON.stringify(type) };
  return { at: identifiers.at, attributes: new Map([['type', { at, value: typeValue }], ['identifiers', identifiers]]), blocks: new Map(), dynamicBlocks: new Set() };
}

function conditionBlock(test: string, variable: string, values: DocAttribute, at: Position): DocBlock {
  const text = (content: string): DocAttribute => ({ at, value: { kind: 'text', parts: [content], at, raw: JSON.stringify(content) } });
  return { at: values.at, attributes: new Map([['test', text(test)], ['variable', text(variable)], ['values', { at: values.at, value: { kind: 'array', items: [...itemsOf(values.value)], at: values.value.at, raw: values.value.raw } }]]), blocks: new Map(), dynamicBlocks: new Set() };
}

function literal(texts: readonly string[], at: Position): DocAttribute {
  return { at, value: { kind: 'array', items: texts.map((text) => ({ kind: 'text', parts: [text], at, raw: JSON.stringify(text) })), at, raw: JSON.stringify(texts) } };
}

function isTrue(attribute: DocAttribute | undefined): boolean {
  return attribute !== undefined && attribute.value.kind === 'boolean' && attribute.value.value;
}

function isFalse(attribute: DocAttribute | undefined): boolean {
  return attribute !== undefined && attribute.value.kind === 'boolean' && !attribute.value.value;
}

function present<T>(value: T | undefined): value is T {
  return value !== undefined;
}
