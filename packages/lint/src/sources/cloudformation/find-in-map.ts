/**
 * `Fn::FindInMap` read through the template's `Mappings` where CloudFormation's answer is known statically:
 * every key literal. A key `!Ref AWS::Partition` is read as the commercial partition `aws` only when the
 * value found is a service principal (`…amazonaws.com`), as `AWS::URLSuffix` is read as `amazonaws.com`:
 * deputy's catalog names principals as they are written there (the common `ServicePrincipalPartitionMap`
 * pattern). Any other unknown key leaves the intrinsic in place (an unknown but specific value).
 */
import { memberOf, type LocatedValue } from '../../located/located-value.js';
import { literalTextOf } from '../../policy/text-value.js';

/** The tree with each resolvable `Fn::FindInMap` replaced by the mapped value, written where the call is. */
export function withMappings(value: LocatedValue, mappings: LocatedValue | undefined): LocatedValue {
  if (mappings?.kind !== 'object') return value;
  const visit = (current: LocatedValue): LocatedValue => {
    switch (current.kind) {
      case 'object':
        return { ...current, entries: current.entries.map((entry) => ({ ...entry, value: visit(entry.value) })) };
      case 'array':
        return { ...current, items: current.items.map(visit) };
      case 'intrinsic': {
        if (current.name === 'Fn::FindInMap') return lookUp(current, mappings) ?? current;
        return { ...current, argument: visit(current.argument) };
      }
      default:
        return current;
    }
  };
  return visit(value);
}

function lookUp(call: LocatedValue & { kind: 'intrinsic' }, mappings: LocatedValue): LocatedValue | undefined {
  if (call.argument.kind !== 'array' || call.argument.items.length < 3) return undefined;
  const [mapName, topKey, secondKey] = call.argument.items as [LocatedValue, LocatedValue, LocatedValue];
  const map = memberOf(mappings, literalTextOf(mapName) ?? '');
  const second = literalTextOf(secondKey);
  if (map === undefined || second === undefined) return undefined;
  const top = literalTextOf(topKey);
  const found = top !== undefined ? memberOf(memberOf(map, top), second) : partitionPrincipal(topKey, map, second);
  if (found === undefined) return undefined;
  return found.kind === 'text' ? { ...found, at: call.at, raw: call.raw } : found;
}

/** The `aws` entry when the key is `!Ref AWS::Partition` and the entry is a service principal. */
function partitionPrincipal(key: LocatedValue, map: LocatedValue, second: string): LocatedValue | undefined {
  const isPartition = key.kind === 'intrinsic' && key.name === 'Ref' && literalTextOf(key.argument) === 'AWS::Partition';
  if (!isPartition) return undefined;
  const found = memberOf(memberOf(map, 'aws'), second);
  const text = found === undefined ? undefined : literalTextOf(found);
  return text !== undefined && /\.amazonaws\.com$/.test(text) ? found : undefined;
}
