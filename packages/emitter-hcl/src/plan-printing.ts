/**
 * The Terraform plan (`@deputy/terraform-plan`) as HCL syntax: each plan block becomes an HCL block; a
 * policy document becomes `jsonencode({ … })` in place or, in the policy-document style, an
 * `aws_iam_policy_document` data source printed just before the block that uses it. A document's lint
 * suppressions go on whichever block ends up holding its statements.
 */
import { assertNever } from '@deputy/policy-model';
import type { PlanBlock, PlanResource, PlanValue, PlanVariable } from '@deputy/terraform-plan';
import type { EmitContext } from './emit-context.js';
import { partsExpression } from './environment-references.js';
import { attribute, block, call, numberLiteral, object, text, traversal, type HclAttribute, type HclBlock, type HclExpression } from './hcl-syntax.js';
import { renderPolicy } from './policy-rendering.js';

/** The HCL blocks of plan blocks, in order (data sources of the policy-document style just before their users). */
export function hclBlocks(blocks: readonly PlanBlock[], context: EmitContext): HclBlock[] {
  const printed: HclBlock[] = [];
  for (let index = 0; index < blocks.length; index++) printed.push(...hclBlocksOf(blocks[index]!, context));
  return printed;
}

function hclBlocksOf(planBlock: PlanBlock, context: EmitContext): HclBlock[] {
  switch (planBlock.kind) {
    case 'terraform':
      return [
        block('terraform', [], [
          block('required_providers', [], planBlock.requiredProviders.map((provider) =>
            attribute(provider.name, object([{ key: 'source', value: text(provider.source) }, { key: 'version', value: text(provider.version) }])),
          )),
        ]),
      ];
    case 'variable':
      return [variableBlock(planBlock)];
    case 'resource':
    case 'data':
      return resourceBlocks(planBlock, context);
    case 'local': {
      const printed = printValue(planBlock.value, planBlock.label, context);
      const locals = block('locals', [], [attribute(planBlock.label, printed.expression, printed.comments)], planBlock.notices);
      return [...printed.dataSources, withDirectives(locals, printed.directives)];
    }
    case 'output':
      return [block('output', [planBlock.label], [attribute('description', text(planBlock.description)), attribute('value', printValue(planBlock.value, planBlock.label, context).expression)])];
    default:
      return assertNever(planBlock, 'plan block');
  }
}

function resourceBlocks(planBlock: PlanResource, context: EmitContext): HclBlock[] {
  const blocks: HclBlock[] = [];
  let directives = planBlock.directives;
  const body: HclAttribute[] = [];
  for (let index = 0; index < planBlock.body.length; index++) {
    const argument = planBlock.body[index]!;
    const printed = printValue(argument.value, planBlock.label, context);
    if (printed.dataSources.length > 0) blocks.push(...printed.dataSources);
    if (printed.directives.length > 0) directives = [...directives, ...printed.directives];
    body.push(attribute(argument.name, printed.expression, printed.comments));
  }
  const type = planBlock.kind === 'data' ? 'data' : 'resource';
  blocks.push(withDirectives(block(type, [planBlock.type, planBlock.label], body, planBlock.notices), directives));
  return blocks;
}

/** A value as an expression, with what it brings along: data sources, attribute comments, and the suppressions for the block holding it. */
interface PrintedValue {
  readonly expression: HclExpression;
  readonly dataSources: readonly HclBlock[];
  readonly comments: readonly string[];
  readonly directives: readonly string[];
}

function printValue(value: PlanValue, owner: string, context: EmitContext): PrintedValue {
  switch (value.kind) {
    case 'text':
      return plain(partsExpression(value.parts));
    case 'reference':
      return plain(traversal(value.path));
    case 'number':
      return plain(numberLiteral(value.value));
    case 'map':
      return plain(object(value.entries.map((entry) => ({ key: entry.key, value: printValue(entry.value, owner, context).expression }))));
    case 'policy': {
      const rendered = renderPolicy(value.document, value.labelBase, context);
      if (!rendered.dataSource) return { expression: rendered.value, dataSources: NONE, comments: rendered.comments, directives: value.directives };
      return { expression: rendered.value, dataSources: [withDirectives(rendered.dataSource, value.directives)], comments: rendered.comments, directives: NONE };
    }
    default:
      return assertNever(value, 'plan value');
  }
}

function plain(expression: HclExpression): PrintedValue {
  return { expression, dataSources: NONE, comments: NONE, directives: NONE };
}

/** The empty list a value brings along with it in most cases (shared: nothing adds to a printed value's lists). */
const NONE: readonly never[] = [];

function variableBlock(variable: PlanVariable): HclBlock {
  return block('variable', [variable.label], [
    attribute('type', traversal(variable.type)),
    attribute('description', text(variable.description)),
    block('validation', [], [
      attribute('condition', call('can', [call('regex', [text(variable.validation.pattern), traversal(`var.${variable.label}`)])])),
      attribute('error_message', text(variable.validation.errorMessage)),
    ]),
  ]);
}

/** The block with the directives added after its own. */
export function withDirectives(hclBlock: HclBlock, directives: readonly string[]): HclBlock {
  if (directives.length === 0) return hclBlock;
  return { ...hclBlock, directives: [...(hclBlock.directives ?? []), ...directives] };
}
