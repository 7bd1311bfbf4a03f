/** What went wrong, in words. */

/** The message of anything thrown: an Error's message, or the thrown value as text. */
export function errorMessage(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : String(thrown);
}
