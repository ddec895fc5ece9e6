/**
 * Terraform labels (resource, data source, variable, local and output names) derived from model names.
 *
 * A label is snake_case, starts with a letter or underscore and holds only `[a-z0-9_]`, so it is valid in
 * every position Terraform accepts a name. Labels are unique within their namespace: the first owner of a
 * label keeps it and later collisions get `_2`, `_3`, … in model order, so a label only changes when the
 * definition does.
 */

const UNNAMED = 'unnamed';

/** Turns a name or id such as `PersonalizeRole`, `s3-access` or `AmazonS3ReadOnlyAccess` into `personalize_role`, `s3_access`, `amazon_s3_read_only_access`. */
export function snakeCaseLabel(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (words === '') return UNNAMED;
  return /^[0-9]/.test(words) ? `_${words}` : words;
}

/** Hands out unique labels within one namespace (one resource type, the variables, the outputs, …). */
export class LabelRegistry {
  private readonly taken = new Set<string>();

  /** Reserves and returns a unique label derived from `base` (already a valid label). */
  claim(base: string): string {
    let label = base;
    for (let suffix = 2; this.taken.has(label); suffix++) label = `${base}_${suffix}`;
    this.taken.add(label);
    return label;
  }
}

/** One label registry per namespace, created on first use. */
export class LabelNamespaces {
  private readonly registries = new Map<string, LabelRegistry>();

  /** Reserves a unique label in `namespace` (e.g. `resource.aws_iam_role`, `output`, `local`). */
  claim(namespace: string, base: string): string {
    let registry = this.registries.get(namespace);
    if (!registry) {
      registry = new LabelRegistry();
      this.registries.set(namespace, registry);
    }
    return registry.claim(base);
  }
}

/** The label base for a named model item: its name in snake_case, or its id when the name has no usable letters. */
export function labelFor(item: { readonly name: string; readonly id: string }): string {
  const fromName = snakeCaseLabel(item.name);
  return fromName === UNNAMED ? snakeCaseLabel(item.id) : fromName;
}
