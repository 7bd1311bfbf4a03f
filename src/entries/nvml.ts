import { printCounterSnapshot } from "../adapters/nvml.js";

printCounterSnapshot(import.meta.url, process.env, (text) => process.stdout.write(text));
