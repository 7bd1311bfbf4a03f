// The baseline: Node counting a file's lines with readline, nothing else.
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";

let lines = 0;
const rl = createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Infinity });
for await (const _line of rl) lines += 1;
process.stdout.write(`${lines}\n`);
