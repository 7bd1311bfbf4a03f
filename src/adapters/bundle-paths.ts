/** Where the bundles sit relative to each other in `dist/`. */
import { fileURLToPath } from "node:url";

/** The sampler bundle beside the running bundle (`dist/<entry>/index.js` -> `dist/sampler/index.js`). */
export function samplerScriptFrom(moduleUrl: string): string {
  return fileURLToPath(new URL("../sampler/index.js", moduleUrl));
}
