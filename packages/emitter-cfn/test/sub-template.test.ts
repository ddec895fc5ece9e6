/** Fn::Sub strings: `${!` escapes, the reader, and the Fn::Join fallback for text a Sub string would garble. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cfnFromParts } from '../src/template/cfn-string.js';
import type { SubPart } from '../src/template/sub-template.js';
import { escapeSubText, mergeSubParts, parseSubTemplate, writeSubTemplate } from '../src/template/sub-template.js';

describe('Sub strings', () => {
  it('escapes every ${ so IAM policy variables reach AWS literally', () => {
    expect(escapeSubText('home/${aws:username}/*')).toBe('home/${!aws:username}/*');
    expect(escapeSubText('${!x}')).toBe('${!!x}');
    expect(parseSubTemplate('arn:${AWS::Partition}:s3:::b/${!aws:username}')).toEqual(['arn:', { variable: 'AWS::Partition' }, ':s3:::b/${aws:username}']);
    expect(parseSubTemplate('${!!x} ${unclosed')).toEqual(['${!x} ${unclosed']);
  });

  it('writes a Ref for a lone variable, a plain string for text (even with ${), a Sub for a mix', () => {
    expect(cfnFromParts([{ variable: 'AWS::Region' }])).toEqual({ kind: 'ref', target: 'AWS::Region' });
    expect(cfnFromParts(['a${b}', '', 'c'])).toBe('a${b}c');
    expect(cfnFromParts(['arn:', { variable: 'AWS::Partition' }, ':iam::${aws:username}'])).toEqual({ kind: 'sub', template: 'arn:${AWS::Partition}:iam::${!aws:username}' });
    expect(cfnFromParts([])).toBe('');
  });

  it('falls back to Fn::Join where the Sub reader would not give the parts back', () => {
    expect(cfnFromParts(['a${b', { variable: 'X' }])).toEqual({ kind: 'join', delimiter: '', items: ['a${b', { kind: 'ref', target: 'X' }] });
    expect(cfnFromParts(['${a${b}', { variable: 'X' }])).toMatchObject({ kind: 'join' });
    expect(cfnFromParts(['${', { variable: 'X' }, '}'])).toMatchObject({ kind: 'join' });
  });

  it('never writes a Sub string that reads back differently', () => {
    const text = fc.array(fc.constantFrom('$', '{', '}', '!', '${', '${!', 'a', ':', ' '), { maxLength: 8 }).map((pieces) => pieces.join(''));
    const part: fc.Arbitrary<SubPart> = fc.oneof(text, fc.constantFrom('AWS::Region', 'AccountId').map((variable) => ({ variable })));
    fc.assert(
      fc.property(fc.array(part, { maxLength: 6 }), (parts) => {
        const value = cfnFromParts(parts);
        const merged = mergeSubParts(parts);
        if (typeof value === 'object' && value.kind === 'sub') {
          expect(parseSubTemplate(value.template)).toEqual(merged);
          expect(value.template).toBe(writeSubTemplate(merged));
        }
      }),
      { numRuns: 3000 },
    );
  });
});
