/**
 * Vitest setup shared by every package: property tests run with a fixed seed in CI (reproducible, never flaky)
 * and a fresh one elsewhere; DEPUTY_FUZZ_SEED replays a run. The seed is printed once per test file.
 */
import fc from 'fast-check';

const seed = process.env.DEPUTY_FUZZ_SEED !== undefined ? Number(process.env.DEPUTY_FUZZ_SEED) : process.env.CI === 'true' ? 20261128 : Math.floor(Math.random() * 2 ** 31);
fc.configureGlobal({ seed });
process.env.DEPUTY_ACTIVE_FUZZ_SEED = String(seed);
