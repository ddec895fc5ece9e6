/**
 * The Terraform addresses other constructs already hold in a stack, so that a `DeputyRoles` never
 * overwrites them (cdktf merges elements with the same address silently) and reuses the `current` data
 * sources and variables that are already declared.
 */
import type { IConstruct } from 'constructs';
import type { CdkElement, CdkModule, CdkReferenceable } from './cdk-module.js';

/** One existing element: its label namespace (as `modelPlan` names them), its label, and the element. */
export interface ExistingElement {
  /** `resource.<type>`, `data.<type>`, `variable`, `local` or `output`. */
  readonly namespace: string;
  /** The element's logical ID. */
  readonly label: string;
  /** The element. */
  readonly element: CdkElement;
}

/** Every Terraform element under `stack`, except those under `exclude` (the construct being built). */
export function existingElements(stack: IConstruct, cdk: CdkModule, exclude: IConstruct): ExistingElement[] {
  return stack.node
    .findAll()
    .filter((construct) => cdk.TerraformElement.isTerraformElement(construct) && !isWithin(construct, exclude))
    .flatMap((construct): ExistingElement[] => {
      const element = construct as CdkElement;
      const namespace = namespaceOf(element, cdk);
      return namespace === undefined ? [] : [{ namespace, label: element.friendlyUniqueId, element }];
    });
}

/** The elements grouped as `modelPlan`'s `existing` option wants them. */
export function existingAddresses(elements: readonly ExistingElement[]): Map<string, Set<string>> {
  const byNamespace = new Map<string, Set<string>>();
  for (const { namespace, label } of elements) {
    if (!byNamespace.has(namespace)) byNamespace.set(namespace, new Set());
    byNamespace.get(namespace)?.add(label);
  }
  return byNamespace;
}

function namespaceOf(element: CdkElement, cdk: CdkModule): string | undefined {
  if (cdk.TerraformResource.isTerraformResource(element)) return `resource.${(element as CdkReferenceable).terraformResourceType}`;
  if (cdk.TerraformDataSource.isTerraformDataSource(element)) return `data.${(element as CdkReferenceable).terraformResourceType}`;
  if (cdk.TerraformOutput.isTerraformOutput(element)) return 'output';
  const constructed: object = element;
  if (constructed instanceof cdk.TerraformVariable) return 'variable';
  if (constructed instanceof cdk.TerraformLocal) return 'local';
  return undefined;
}

function isWithin(construct: IConstruct, ancestor: IConstruct): boolean {
  return construct.node.scopes.includes(ancestor);
}
