/** Logical IDs: alphanumeric, derived from names, unique, stable. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logicalIdFrom, uniqueLogicalIds } from '../src/template/logical-ids.js';

describe('logical IDs', () => {
  it('derives PascalCase IDs from names and shares trailing words with the suffix', () => {
    expect(logicalIdFrom('personalize-access', 'Role')).toBe('PersonalizeAccessRole');
    expect(logicalIdFrom('DataRole', 'Role')).toBe('DataRole');
    expect(logicalIdFrom('audit-bucket', 'BucketPolicy')).toBe('AuditBucketPolicy');
    expect(logicalIdFrom('audit', 'BucketPolicy')).toBe('AuditBucketPolicy');
    expect(logicalIdFrom('my_ro', 'Role')).toBe('MyRoRole');
    expect(logicalIdFrom('2fast', 'Role')).toBe('Id2fastRole');
    expect(logicalIdFrom('---')).toBe('Id');
    expect(logicalIdFrom('x'.repeat(400), 'Role')).toHaveLength(204);
  });

  it('numbers repeats in order, case-insensitively', () => {
    expect(uniqueLogicalIds(['ReaderRole', 'readerRole', 'ReaderRole2', 'ReaderRole'])).toEqual(['ReaderRole', 'readerRole2', 'ReaderRole22', 'ReaderRole3']);
  });

  it('always gives unique alphanumeric IDs within CloudFormation limits', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 300 }), { maxLength: 30 }), (names) => {
        const ids = uniqueLogicalIds(names.map((name) => logicalIdFrom(name, 'Role')));
        expect(new Set(ids.map((id) => id.toLowerCase())).size).toBe(ids.length);
        for (const id of ids) expect(id).toMatch(/^[A-Za-z][A-Za-z0-9]{0,254}$/);
        expect(uniqueLogicalIds(names.map((name) => logicalIdFrom(name, 'Role')))).toEqual(ids);
      }),
    );
  });
});
