#!/usr/bin/env node
// V8 optimises a function once it has run ~66 KB of bytecode. A deputy run lasts from a fraction of a second
// to a few seconds, and at that default the optimising compiler spent more CPU than it saved: a third of
// `convert`'s CPU time for 1,000 policies, and two fifths of `lint`'s for 4,000 files, went to compiling code
// that the run then barely used. A budget 7× larger leaves the really hot functions optimised and the rest to the baseline
// tiers (BENCHMARKS.md, "V8 tiering"). It is set here, in the command's process only, before the CLI loads;
// the library API leaves its host's V8 alone. DEPUTY_DEFAULT_V8_TIERING=1 keeps V8's default.
import { setFlagsFromString } from 'node:v8';

if (process.env.DEPUTY_DEFAULT_V8_TIERING !== '1') setFlagsFromString('--interrupt-budget=500000');
const { main } = await import('../dist/main.js');
process.exitCode = await main(process.argv.slice(2));
