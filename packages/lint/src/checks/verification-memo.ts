/**
 * `verifyPolicy` remembered per distinct literal document and options. The verification is a pure function
 * of both, and the same statements recur across the files of a repository (one trust policy copied into
 * every module, a bucket policy per environment), so each distinct one is evaluated once per process. The
 * most recently used {@link MEMO_LIMIT} verifications are kept, which bounds the memory of a scan with many
 * distinct policies.
 */
import type { LiteralPolicyDocument } from '@deputy/policy-model';
import { verifyPolicy, type PolicyVerification, type PolicyVerificationOptions } from '@deputy/verify';

/** How many verifications are kept. */
export const MEMO_LIMIT = 2000;

const memo = new Map<string, PolicyVerification>();

/** The verification of `document` under `options`, computed once per distinct pair; throws as `verifyPolicy` does. */
export function memoisedVerifyPolicy(document: LiteralPolicyDocument, options: PolicyVerificationOptions): PolicyVerification {
  const key = JSON.stringify([document, options]);
  const known = memo.get(key);
  if (known !== undefined) {
    memo.delete(key);
    memo.set(key, known);
    return known;
  }
  const verification = verifyPolicy(document, options);
  if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value!);
  memo.set(key, verification);
  return verification;
}
