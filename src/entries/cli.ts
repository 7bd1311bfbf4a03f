#!/usr/bin/env node
import { runCli } from "../cli/cli.js";
import { counterScriptFrom, samplerScriptFrom } from "../adapters/bundle-paths.js";

process.exitCode = await runCli(
  process.argv.slice(2),
  { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) },
  samplerScriptFrom(import.meta.url),
  counterScriptFrom(import.meta.url),
);
