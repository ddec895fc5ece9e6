/**
 * The shareable URL: the fields of the state that differ from the defaults, as JSON, UTF-8, base64url, in the
 * fragment `#state=…`. A readable form is accepted too, for links written by hand or by scripts:
 * `#service=personalize&region=eu-west-1&awsProviderMajorVersion=5`. Unknown or ill-typed fields in a pasted
 * URL are ignored, never trusted.
 */
import { DEFAULT_STATE, LINT_KINDS, MODES, type PlaygroundState } from './playground-state.js';

const FRAGMENT_KEY = 'state=';

/** The fragment (without `#`) for a state. */
export function encodeState(state: PlaygroundState): string {
  const changed = Object.fromEntries(Object.entries(state).filter(([key, value]) => DEFAULT_STATE[key as keyof PlaygroundState] !== value));
  if (Object.keys(changed).length === 0) return '';
  return `${FRAGMENT_KEY}${toBase64Url(new TextEncoder().encode(JSON.stringify(changed)))}`;
}

/** The state a fragment describes; fields missing, unknown or of the wrong type keep their defaults. */
export function decodeState(fragment: string): PlaygroundState {
  const text = fragment.replace(/^#/, '');
  if (!text.startsWith(FRAGMENT_KEY)) return readableState(text);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(fromBase64Url(text.slice(FRAGMENT_KEY.length))));
  } catch {
    return DEFAULT_STATE;
  }
  if (typeof parsed !== 'object' || parsed === null) return DEFAULT_STATE;
  return stateFrom(parsed as Record<string, unknown>);
}

/** The state of a readable fragment (`service=logs&region=eu-west-1`); numbers are read for numeric fields. */
function readableState(text: string): PlaygroundState {
  const record: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    record[key] = typeof DEFAULT_STATE[key as keyof PlaygroundState] === 'number' ? Number(value) : value;
  }
  return stateFrom(record);
}

function stateFrom(record: Record<string, unknown>): PlaygroundState {
  const state: Record<string, unknown> = { ...DEFAULT_STATE };
  for (const [key, fallback] of Object.entries(DEFAULT_STATE)) {
    const value = record[key];
    if (typeof value === typeof fallback && allowed(key, value)) state[key] = value;
  }
  return state as unknown as PlaygroundState;
}

function allowed(key: string, value: unknown): boolean {
  switch (key) {
    case 'mode':
      return (MODES as readonly unknown[]).includes(value);
    case 'lintKind':
      return (LINT_KINDS as readonly unknown[]).includes(value);
    case 'style':
      return value === 'jsonencode' || value === 'policy-document';
    case 'format':
      return value === 'yaml' || value === 'json';
    case 'awsProviderMajorVersion':
      return value === 5 || value === 6;
    default:
      return true;
  }
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}
