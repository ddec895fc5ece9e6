/**
 * The embedded-text builder keeps characters in runs; its text, positions and slices equal those of a
 * builder that records one origin per character (the reference below), for random sequences of literal
 * text, escapes (several characters from one offset) and opaque parts.
 */
import { describe, expect, test } from 'vitest';
import { EmbeddedTextBuilder, OPAQUE_MARK } from '../src/located/embedded-text.js';
import type { Position } from '../src/located/position.js';

/** One origin per character, as the builder was first written. */
class ReferenceBuilder {
  readonly chunks: string[] = [];
  readonly origins: number[] = [];
  readonly opaque: string[] = [];

  append(text: string, origin: number, spread = true): void {
    for (let index = 0; index < text.length; index++) {
      this.chunks.push(text[index]!);
      this.origins.push(spread ? origin + index : origin);
    }
  }

  appendOpaque(source: string, origin: number): void {
    this.chunks.push(OPAQUE_MARK);
    this.origins.push(origin);
    this.opaque.push(source);
  }
}

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const positionOf = (origin: number): Position => ({ line: Math.floor(origin / 7) + 1, column: (origin % 7) + 1 });

describe('EmbeddedTextBuilder', () => {
  test.each([1, 2, 3, 4, 5, 6, 7, 8])('equals one origin per character (seed %i)', (seed) => {
    const next = random(seed);
    const builder = new EmbeddedTextBuilder();
    const reference = new ReferenceBuilder();
    let origin = 0;
    for (let step = 0; step < 60; step++) {
      const roll = next();
      const length = Math.floor(next() * 4);
      const text = 'ab\u00e9\u{1F600}"'.repeat(3).slice(0, length);
      if (roll < 0.15) {
        builder.appendOpaque(`\${x${step}}`, origin);
        reference.appendOpaque(`\${x${step}}`, origin);
        origin += 4;
      } else if (roll < 0.3) {
        builder.append(text, origin, false);
        reference.append(text, origin, false);
        origin += 2;
      } else {
        if (roll < 0.4) origin += 3;
        builder.append(text, origin);
        reference.append(text, origin);
        origin += text.length;
      }
    }
    const built = builder.build(positionOf, origin);
    const text = reference.chunks.join('');
    expect(built.text).toBe(text);
    expect(built.opaque).toEqual(reference.opaque);
    const origins = [...reference.origins, origin];
    for (let index = -1; index <= text.length + 1; index++) {
      expect(built.position(index)).toEqual(positionOf(origins[Math.max(0, Math.min(index, origins.length - 1))]!));
    }
    for (let start = 0; start <= text.length; start += 3) {
      for (let end = start; end <= text.length; end += 5) {
        let expected = '';
        let mark = 0;
        for (let index = 0; index < text.length; index++) {
          const isMark = text[index] === OPAQUE_MARK;
          if (index >= start && index < end) expected += isMark ? reference.opaque[mark]! : text[index]!;
          if (isMark) mark++;
        }
        expect(built.slice(start, end)).toBe(expected);
      }
    }
  });

  test('an empty builder maps every index to the end', () => {
    const built = new EmbeddedTextBuilder().build(positionOf, 12);
    expect(built.text).toBe('');
    expect(built.position(0)).toEqual(positionOf(12));
  });
});
