/**
 * Keeping credentials out of everything the action writes. The runner masks a registered secret
 * only where it appears exactly as registered, one line at a time; a library's error text may
 * quote a token JSON-escaped, URL-encoded or split over lines, and report.json is written (and
 * uploaded) without any masking at all. Pure.
 */

/** Forms of a secret shorter than this are not replaced: they would match ordinary text. */
const MIN_LENGTH = 4;

/** Every form in which `secret` may appear in a text: as given, trimmed, each line, escaped. */
export function secretForms(secret: string): string[] {
  const forms = new Set<string>();
  const add = (form: string) => {
    if (form.length >= MIN_LENGTH) forms.add(form);
  };
  for (const value of [secret, secret.trim()]) {
    add(value);
    add(JSON.stringify(value).slice(1, -1));
    add(encodeURIComponent(value));
    for (const line of value.split(/\r\n|\r|\n/)) add(line.trim());
  }
  // Longest first, so that a whole value is replaced before any of its lines.
  return [...forms].sort((a, b) => b.length - a.length);
}

/** A function that replaces every form of every secret with `***`. */
export function redactor(secrets: readonly string[]): (text: string) => string {
  const forms = [...new Set(secrets.flatMap(secretForms))].sort((a, b) => b.length - a.length);
  if (forms.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const form of forms) out = out.split(form).join("***");
    return out;
  };
}

/** `value` with every string in it (at any depth) redacted. */
export function redactDeep<T>(value: T, redact: (text: string) => string): T {
  if (typeof value === "string") return redact(value) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redact)) as T;
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactDeep(item, redact)])) as T;
  return value;
}
