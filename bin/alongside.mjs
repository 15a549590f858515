#!/usr/bin/env node
// Runs the TypeScript sources directly, so the CLI works in a fresh checkout with no build step.
import { register } from 'tsx/esm/api';

// tsconfig: false — otherwise tsx reads the tsconfig of whatever directory the user runs us from.
register({ tsconfig: false });

const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
