/** Where the bundles sit relative to each other in `dist/`. */
import { fileURLToPath } from "node:url";

/** The energy-counter bundle beside the running bundle (`dist/nvml/index.js`). */
export function counterScriptFrom(moduleUrl: string): string {
  return fileURLToPath(new URL("../nvml/index.js", moduleUrl));
}

/** The sampler bundle beside the running bundle (`dist/<entry>/index.js` -> `dist/sampler/index.js`). */
export function samplerScriptFrom(moduleUrl: string): string {
  return fileURLToPath(new URL("../sampler/index.js", moduleUrl));
}
