// The floor for reading a log: a streaming newline count, read as `gpu-carbon report` reads a
// file (1 MiB at a time into one reused buffer), each newline found with `Buffer.indexOf`.
import { open } from "node:fs/promises";

const NEWLINE = 10;
const file = await open(process.argv[2], "r");
const buffer = Buffer.allocUnsafe(1 << 20);
let lines = 0;
for (;;) {
  const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
  if (bytesRead === 0) break;
  const chunk = bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead);
  for (let at = chunk.indexOf(NEWLINE); at >= 0; at = chunk.indexOf(NEWLINE, at + 1)) lines += 1;
}
await file.close();
process.stdout.write(`${JSON.stringify({ lines })}\n`);
