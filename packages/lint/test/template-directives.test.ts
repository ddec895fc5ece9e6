/**
 * The renderings of a decoded template with `%{ if }` directives: which text each keeps, that every kept
 * character keeps its file position, and when there is no rendering.
 */
import { describe, expect, it } from 'vitest';
import { EmbeddedTextBuilder, type EmbeddedText } from '../src/located/embedded-text.js';
import { directiveRenderings } from '../src/located/template-directives.js';

/** Decodes `text` as the HCL template decoder does: each `%{…}` and `${…}` one opaque part, origins = offsets. */
function decoded(text: string): EmbeddedText {
  const builder = new EmbeddedTextBuilder();
  let index = 0;
  while (index < text.length) {
    const match = /^[%$]\{[^}]*\}/.exec(text.slice(index));
    if (match) {
      builder.appendOpaque(match[0], index);
      index += match[0].length;
    } else {
      builder.append(text[index]!, index);
      index++;
    }
  }
  return builder.build((origin) => ({ line: 1, column: origin + 1 }), text.length);
}

const texts = (renderings: readonly EmbeddedText[] | undefined): string[] | undefined => renderings?.map((rendering) => rendering.slice(0, rendering.text.length));

describe('directiveRenderings', () => {
  it('is undefined without directives (interpolations are not directives)', () => {
    expect(directiveRenderings(decoded('[1, "${x}"]'))).toBeUndefined();
  });

  it('takes an if without else, and reads an if … else both ways', () => {
    expect(texts(directiveRenderings(decoded('[1,%{if a}2,%{endif}3]')))).toEqual(['[1,2,3]']);
    expect(texts(directiveRenderings(decoded('[%{ if a }1%{ else }2%{ endif }, "${x}"]')))).toEqual(['[1, "${x}"]', '[2, "${x}"]']);
    expect(texts(directiveRenderings(decoded('[%{if a}%{if b}1%{else}2%{endif}%{else}3%{endif}]')))).toEqual(['[1]', '[2]', '[3]']);
  });

  it('keeps each character at its file position', () => {
    const [rendering] = directiveRenderings(decoded('[1,%{if a}22,%{endif}3]'))!;
    expect(rendering!.text).toBe('[1,22,3]');
    expect([0, 3, 4, 6, 7, 8].map((index) => rendering!.position(index).column)).toEqual([1, 11, 12, 22, 23, 24]);
  });

  it('has no rendering for a for loop, unpaired directives or more than 16 renderings', () => {
    expect(directiveRenderings(decoded('[%{for x in xs}1,%{endfor}2]'))).toEqual([]);
    expect(directiveRenderings(decoded('[%{if a}1]'))).toEqual([]);
    expect(directiveRenderings(decoded('[1%{endif}]'))).toEqual([]);
    expect(directiveRenderings(decoded('[%{if a}1%{else}2%{else}3%{endif}]'))).toEqual([]);
    const fiveElses = Array.from({ length: 5 }, (_, index) => `%{if c${index}}1%{else}2%{endif},`).join('');
    expect(directiveRenderings(decoded(`[${fiveElses}0]`))).toEqual([]);
    const fourElses = Array.from({ length: 4 }, (_, index) => `%{if c${index}}1%{else}2%{endif},`).join('');
    expect(directiveRenderings(decoded(`[${fourElses}0]`))).toHaveLength(16);
  });
});
