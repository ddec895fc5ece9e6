/**
 * Reads a file's bytes as text in every encoding IaC tools accept: UTF-8 with or without a byte-order mark,
 * UTF-16 LE or BE with one. Anything else (other encodings, binary data, UTF-16 without a mark) is reported
 * as unreadable with the reason, never skipped silently.
 */
import { TextDecoder } from 'node:util';

/** The text of a file, or why it cannot be read as text. */
export type TextRead = { readonly ok: true; readonly text: string; readonly encoding: TextEncodingName } | { readonly ok: false; readonly code: string; readonly message: string; readonly hint: string };

/** The encodings read. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const UTF16LE = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true });
const UTF16BE = new TextDecoder('utf-16be', { fatal: true, ignoreBOM: true });

/** Decodes a file's bytes. */
export function decodeText(bytes: Uint8Array): TextRead {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode(UTF8, bytes.subarray(3), 'utf-8-bom');
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decode(UTF16LE, bytes.subarray(2), 'utf-16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decode(UTF16BE, bytes.subarray(2), 'utf-16be');
  if (bytes.includes(0)) {
    return { ok: false, code: 'binary-file', message: 'the file is binary (or UTF-16 without a byte-order mark), not text', hint: 'save it as UTF-8, or ignore it in .deputy-lint.yaml' };
  }
  return decode(UTF8, bytes, 'utf-8');
}

function decode(decoder: TextDecoder, bytes: Uint8Array, encoding: TextEncodingName): TextRead {
  try {
    const text = decoder.decode(bytes);
    if (text.includes('\u0000')) return { ok: false, code: 'binary-file', message: 'the file holds NUL characters, not text', hint: 'give Terraform, CloudFormation or policy JSON files' };
    return { ok: true, text, encoding };
  } catch {
    const name = encoding.startsWith('utf-16') ? encoding.toUpperCase().replace('LE', ' LE').replace('BE', ' BE') : 'UTF-8';
    return { ok: false, code: 'not-text', message: `the file is not valid ${name} text (another encoding?)`, hint: 'save it as UTF-8; deputy reads UTF-8, and UTF-16 with a byte-order mark' };
  }
}
