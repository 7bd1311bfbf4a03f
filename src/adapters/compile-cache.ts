/**
 * Node's compile cache (Node 22.1 and later): the code of modules loaded after the call is kept,
 * compiled, in Node's own cache folder (`NODE_COMPILE_CACHE`, else the system's temporary folder),
 * so a later start skips compiling it again. Elsewhere, and where the folder cannot be written,
 * nothing changes but the speed.
 */
import module from "node:module";

export function enableCompileCache(): void {
  const enable = (module as { enableCompileCache?: () => unknown }).enableCompileCache;
  try {
    enable?.();
  } catch {
    // Only the speed-up is lost.
  }
}
