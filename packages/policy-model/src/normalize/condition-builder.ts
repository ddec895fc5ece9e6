/** A Condition block built key by key, in insertion order, refusing a key set twice under one operator. */
import type { ConditionBlock, ConditionKeyMap, ConditionValue } from '../policy/policy-document.js';

/** Collects condition operators and keys in insertion order. */
export class ConditionBuilder {
  private readonly operators = new Map<string, Map<string, ConditionValue | ConditionValue[]>>();

  /** Adds a key under an operator; false when that key is already set under that operator. */
  add(operator: string, key: string, value: ConditionValue | ConditionValue[]): boolean {
    let keys = this.operators.get(operator);
    if (!keys) {
      keys = new Map();
      this.operators.set(operator, keys);
    }
    if ([...keys.keys()].some((existing) => existing.toLowerCase() === key.toLowerCase())) return false;
    keys.set(key, value);
    return true;
  }

  isEmpty(): boolean {
    return this.operators.size === 0;
  }

  build(): ConditionBlock {
    const block: Record<string, ConditionKeyMap> = {};
    for (const [operator, keys] of this.operators) block[operator] = Object.fromEntries(keys);
    return block;
  }
}
