/** Recognises CloudFormation's long-form intrinsic functions (`{ "Ref": … }`, `{ "Fn::Sub": … }`) anywhere in a tree. */
import type { LocatedValue } from '../../located/located-value.js';

/** The tree with every one-key `Ref` / `Fn::…` object turned into an intrinsic function. */
export function withIntrinsics(value: LocatedValue): LocatedValue {
  switch (value.kind) {
    case 'object': {
      const [only] = value.entries;
      if (value.entries.length === 1 && !value.unknownEntries && only && (only.key === 'Ref' || only.key.startsWith('Fn::'))) {
        return { kind: 'intrinsic', name: only.key, argument: withIntrinsics(only.value), at: value.at, raw: value.raw };
      }
      return { ...value, entries: value.entries.map((entry) => ({ ...entry, value: withIntrinsics(entry.value) })) };
    }
    case 'array':
      return { ...value, items: value.items.map(withIntrinsics) };
    case 'intrinsic':
      return { ...value, argument: withIntrinsics(value.argument) };
    default:
      return value;
  }
}

/** True when the tree is a CloudFormation template: a format version, or resources typed `AWS::…` / `Custom::…`. */
export function isCloudFormationTemplate(value: LocatedValue): boolean {
  if (value.kind !== 'object') return false;
  if (value.entries.some((entry) => entry.key === 'AWSTemplateFormatVersion')) return true;
  const resources = value.entries.find((entry) => entry.key === 'Resources')?.value;
  if (resources?.kind !== 'object') return false;
  return resources.entries.some((resource) => {
    const type = resource.value.kind === 'object' ? resource.value.entries.find((entry) => entry.key === 'Type')?.value : undefined;
    return type?.kind === 'text' && /^(AWS|Custom)::/.test(type.parts.join(''));
  });
}
