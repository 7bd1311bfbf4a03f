/**
 * A value made on first use and kept. For what a start should not pay for before it is needed,
 * such as zod schemas: building one costs milliseconds, and most runs never parse what they
 * describe. Pure.
 */
export function lazily<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}
