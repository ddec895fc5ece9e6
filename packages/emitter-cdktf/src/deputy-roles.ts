/**
 * `DeputyRoles`: a cdktf construct that adds a deputy model's roles, resource policies, role outputs,
 * `current` data sources and parameter variables to a stack, as raw `TerraformResource` /
 * `TerraformDataSource` / `TerraformVariable` / `TerraformLocal` / `TerraformOutput` elements — no
 * `@cdktf/provider-aws` needed. The elements are those of the model's Terraform plan
 * (`@deputy/terraform-plan`), the plan the HCL and Terraform JSON targets print, so the same resources have
 * the same addresses and arguments in the `.tf`, the `.tf.json` and the stack.
 */
import { Construct } from 'constructs';
import type { DeputyModel } from '@deputy/policy-model';
import {
  addressInNamespace,
  declarationBlocks,
  jsonValue,
  planBlockAddress,
  planTerraform,
  resourceJsonBody,
  variableJsonBody,
  type AwsProviderMajorVersion,
  type EnvironmentReferences,
  type PlanBlock,
  type PlanResource,
  type PlanVariable,
} from '@deputy/terraform-plan';
import { cdkModuleFor, type CdkElement, type CdkModule, type CdkReferenceable, type CdkStack } from './cdk-module.js';
import { CDKTF_TEXT_GUARD, literalOnlyText } from './cdktf-text-guard.js';
import { selectModel, type ModelSelection } from './model-selection.js';
import { existingAddresses, existingElements } from './stack-addresses.js';

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
    const model = selectModel(props.model, props.only);
    const plan = planTerraform(model, {
      reservedLabels: existingAddresses(existing),
      ...(props.awsProviderMajorVersion ? { awsProviderMajorVersion: props.awsProviderMajorVersion } : {}),
    });
    const reusable = new Map(existing.map((entry) => [addressInNamespace(entry.namespace, entry.label), entry.element]));
    const elements = new Map<string, CdkElement>();
    const context: ElementContext = { cdk, references: plan.references, source: model.source };
    for (const block of declarationBlocks(plan.declarations)) {
      if (block.kind === 'terraform') continue;
      const address = planBlockAddress(block);
      elements.set(address, reusable.get(address) ?? addElement(this, block, context));
    }
    for (const block of plan.blocks) elements.set(planBlockAddress(block), addElement(this, block, context));
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

/** What adding one element needs. */
interface ElementContext {
  readonly cdk: CdkModule;
  readonly references: EnvironmentReferences;
  readonly source: string;
}

function addElement(scope: Construct, block: PlanBlock, context: ElementContext): CdkElement {
  const id = planBlockAddress(block);
  const { cdk } = context;
  switch (block.kind) {
    case 'resource':
    case 'data':
      return resourceElement(scope, block, id, context);
    case 'variable':
      return variableElement(scope, block, id, context);
    case 'local': {
      const directives: string[] = [];
      const local = new cdk.TerraformLocal(scope, id, jsonValue(block.value, context.references, directives, CDKTF_TEXT_GUARD));
      local.overrideLogicalId(block.label);
      addLocalsComments(cdk.TerraformStack.of(scope), [...block.notices, ...directives], id, context.source);
      return local;
    }
    case 'output': {
      const output = new cdk.TerraformOutput(scope, id, {
        value: jsonValue(block.value, context.references, [], CDKTF_TEXT_GUARD),
        description: literalOnlyText(block.description, `the description of output ${block.label}`, context.source),
      });
      output.overrideLogicalId(block.label);
      return output;
    }
    case 'terraform':
      throw new Error('invariant: the terraform block is the stack\'s, never a DeputyRoles element');
  }
}

function resourceElement(scope: Construct, block: PlanResource, id: string, context: ElementContext): CdkElement {
  const Element = block.kind === 'resource' ? context.cdk.TerraformResource : context.cdk.TerraformDataSource;
  const element = new Element(scope, id, { terraformResourceType: block.type, terraformGeneratorMetadata: AWS_PROVIDER });
  element.overrideLogicalId(block.label);
  const { body, comments } = resourceJsonBody(block, context.references, CDKTF_TEXT_GUARD);
  if (comments.length > 0) {
    element.addOverride('//.notices', comments.map((comment) => literalOnlyText(comment, `a notice of ${id}`, context.source)));
  }
  for (const [argument, value] of Object.entries(body)) element.addOverride(argument, value);
  return element;
}

function variableElement(scope: Construct, block: PlanVariable, id: string, context: ElementContext): CdkElement {
  const body = variableJsonBody(block, CDKTF_TEXT_GUARD);
  const [validation] = body['validation'] as { condition: string; error_message: string }[];
  const variable = new context.cdk.TerraformVariable(scope, id, {
    type: block.type,
    description: literalOnlyText(block.description, `the description of parameter ${block.label}`, context.source),
    validation: [{ condition: validation!.condition, errorMessage: validation!.error_message }],
  });
  variable.overrideLogicalId(block.label);
  return variable;
}

/** The `//` comment lines of each stack's `locals` object, so that several `DeputyRoles` in one stack add to it. */
const localsComments = new WeakMap<CdkStack, string[]>();

/** Notices and lint suppressions of a local go into the `//` comment of the stack's `locals` object: a local has no comment of its own. */
function addLocalsComments(stack: CdkStack, comments: readonly string[], id: string, source: string): void {
  if (comments.length === 0) return;
  const lines = localsComments.get(stack) ?? [];
  for (const comment of comments) if (!lines.includes(comment)) lines.push(literalOnlyText(comment, `a comment of ${id}`, source));
  localsComments.set(stack, lines);
  stack.addOverride('locals.//', [...lines]);
}
