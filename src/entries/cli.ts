#!/usr/bin/env node
import { enableCompileCache } from "../adapters/compile-cache.js";
import { counterScriptFrom, samplerScriptFrom } from "../adapters/bundle-paths.js";

// Before the CLI itself is loaded, so that its compiled code can come from the cache.
enableCompileCache();
const { runCli } = await import("../cli/cli.js");

process.exitCode = await runCli(
  process.argv.slice(2),
  { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) },
  samplerScriptFrom(import.meta.url),
  counterScriptFrom(import.meta.url),
);
