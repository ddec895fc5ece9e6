/**
 * `DeputyRoles`: a cdktf construct that adds a deputy model's roles, resource policies, `current` data
 * sources and parameter variables to a stack, as raw `TerraformResource` / `TerraformDataSource` /
 * `TerraformVariable` / `TerraformLocal` / `TerraformOutput` elements — no `@cdktf/provider-aws` needed.
 * Labels and arguments are those of the HCL target, so the same resources have the same addresses in the
 * `.tf`, the `.tf.json` and the stack.
 */
import { Construct } from 'constructs';
import type { DeputyModel } from '@deputy/policy-model';
import { cdkModuleFor, type CdkElement, type CdkModule, type CdkReferenceable, type CdkStack } from './cdk-module.js';
import type { AwsProviderMajorVersion } from './environment-references.js';
import { modelPlan, type ModelSelection } from './model-plan.js';
import { existingAddresses, existingElements } from './stack-addresses.js';
import { addressInNamespace, blockAddress, type OutputBlock, type ResourceBlock, type TerraformBlock, type VariableBlock } from './terraform-blocks.js';
import { literalOnlyText } from './terraform-template.js';

/** Marks raw elements as the hashicorp/aws provider's, so cdktf's validation asks for that provider as it does for provider-aws classes. */
const AWS_PROVIDER = { providerName: 'aws' };

/** Properties of {@link DeputyRoles}. */
export interface DeputyRolesProps {
  /** The normalised model: `loadDefinitionFile(…)`, `convertPolicyFile(…).model` or `snippetModel(…)` from `@deputy/policy-model`. */
  readonly model: DeputyModel;
  /** Only these roles and resource policies, by name (unknown names are an error); default: the whole model. */
  readonly only?: ModelSelection;
  /** The hashicorp/aws provider major version of the stack (default 6): it names the Region attribute (`region` from 6, `name` before). */
  readonly awsProviderMajorVersion?: AwsProviderMajorVersion;
  /**
   * The cdktf module to build with (`import * as cdktf from 'cdktf'`, or `'cdktn'`). Default: the module
   * whose `App` is the root of `scope`, else the first installed of `cdktf`, `cdktn`.
   */
  readonly cdk?: CdkModule;
}

/** Adds a deputy model to a cdktf stack. */
export class DeputyRoles extends Construct {
  /**
   * Every element the model uses, by Terraform address (`aws_iam_role.orders_workflow`,
   * `data.aws_region.current`, `var.TargetAccountId`, `local.x_json`, `output.x_json`), in plan order —
   * including `current` data sources and variables reused from the stack.
   */
  readonly elements: ReadonlyMap<string, CdkElement>;
  private readonly roleLabels: ReadonlyMap<string, string>;

  constructor(scope: Construct, id: string, props: DeputyRolesProps) {
    super(scope, id);
    const cdk = props.cdk ?? cdkModuleFor(scope);
    const existing = existingElements(cdk.TerraformStack.of(this), cdk, this);
    const plan = modelPlan(props.model, {
      existing: existingAddresses(existing),
      ...(props.only ? { only: props.only } : {}),
      ...(props.awsProviderMajorVersion ? { awsProviderMajorVersion: props.awsProviderMajorVersion } : {}),
    });
    const reusable = new Map(existing.map((entry) => [addressInNamespace(entry.namespace, entry.label), entry.element]));
    const elements = new Map<string, CdkElement>();
    for (const address of plan.reused) elements.set(address, reusable.get(address) as CdkElement);
    for (const block of plan.blocks) elements.set(blockAddress(block), addElement(this, cdk, block, props.model.source));
    this.elements = elements;
    this.roleLabels = plan.roleLabels;
  }

  /** The `aws_iam_role` element of the role with this name, e.g. for `role.getStringAttribute('arn')`. */
  role(name: string): CdkReferenceable {
    const label = this.roleLabels.get(name);
    const element = label === undefined ? undefined : this.elements.get(`aws_iam_role.${label}`);
    if (element === undefined) throw new Error(`DeputyRoles ${this.node.path} has no role named ${JSON.stringify(name)}`);
    return element as CdkReferenceable;
  }
}

function addElement(scope: Construct, cdk: CdkModule, block: TerraformBlock, source: string): CdkElement {
  const id = blockAddress(block);
  switch (block.kind) {
    case 'resource':
    case 'data':
      return resourceElement(scope, cdk, block, id, source);
    case 'variable':
      return variableElement(scope, cdk, block, id);
    case 'local': {
      const local = new cdk.TerraformLocal(scope, id, block.value);
      local.overrideLogicalId(block.label);
      addLocalsDirectives(cdk.TerraformStack.of(scope), block.directives ?? [], id, source);
      return local;
    }
    case 'output':
      return outputElement(scope, cdk, block, id, source);
  }
}

function resourceElement(scope: Construct, cdk: CdkModule, block: ResourceBlock, id: string, source: string): CdkElement {
  const Element = block.kind === 'resource' ? cdk.TerraformResource : cdk.TerraformDataSource;
  const element = new Element(scope, id, { terraformResourceType: block.type, terraformGeneratorMetadata: AWS_PROVIDER });
  element.overrideLogicalId(block.label);
  addNotices(element, block.notices, id, source);
  for (const [argument, value] of Object.entries(block.body)) element.addOverride(argument, value);
  return element;
}

function variableElement(scope: Construct, cdk: CdkModule, block: VariableBlock, id: string): CdkElement {
  const variable = new cdk.TerraformVariable(scope, id, {
    type: block.type,
    description: block.description,
    validation: [{ condition: block.validation.condition, errorMessage: block.validation.errorMessage }],
  });
  variable.overrideLogicalId(block.label);
  return variable;
}

function outputElement(scope: Construct, cdk: CdkModule, block: OutputBlock, id: string, source: string): CdkElement {
  const output = new cdk.TerraformOutput(scope, id, { value: block.value, description: block.description });
  output.overrideLogicalId(block.label);
  addNotices(output, block.notices, id, source);
  return output;
}

/** The `//` comment lines of each stack's `locals` object, so that several `DeputyRoles` in one stack add to it. */
const localsComments = new WeakMap<CdkStack, string[]>();

/** Lint suppressions of a local go into the `//` comment of the stack's `locals` object: a local has no comment of its own. */
function addLocalsDirectives(stack: CdkStack, directives: readonly string[], id: string, source: string): void {
  if (directives.length === 0) return;
  const lines = localsComments.get(stack) ?? [];
  for (const directive of directives) if (!lines.includes(directive)) lines.push(literalOnlyText(directive, `a lint suppression of ${id}`, source));
  localsComments.set(stack, lines);
  stack.addOverride('locals.//', [...lines]);
}

/** Notices go into the block's `//` comment property (beside cdktf's own metadata), which Terraform ignores. */
function addNotices(element: CdkElement, notices: readonly string[], id: string, source: string): void {
  if (notices.length === 0) return;
  element.addOverride('//.notices', notices.map((notice) => literalOnlyText(notice, `a notice of ${id}`, source)));
}
