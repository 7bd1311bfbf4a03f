/**
 * Reading and writing files that a workflow's steps could have replaced with something else: a
 * FIFO (whose open or read waits for a writer that never comes), a device (whose reads never end,
 * or whose writes fail), or a symbolic link to either. Every file the action reads or writes in
 * its work folder, and every path input, goes through here.
 *
 * A write never removes or replaces anything but a regular file: the text goes to a new file in
 * the same folder, which is renamed over the destination only once it is complete, so a failed
 * write (a full disk) leaves the destination exactly as it was.
 */
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from "node:fs";
import path from "node:path";

/** What a file that is not a regular file is, in words ("a FIFO", "a character device"). */
export function describeKind(stat: Stats): string {
  if (stat.isDirectory()) return "a folder";
  if (stat.isFIFO()) return "a FIFO";
  if (stat.isCharacterDevice()) return "a character device";
  if (stat.isBlockDevice()) return "a block device";
  if (stat.isSocket()) return "a socket";
  return "not a regular file";
}

/** The outcome of a bounded read: the text, or why there is none (`missing` when nothing is there). */
export type ReadResult = { ok: true; text: string } | { ok: false; missing: boolean; reason: string };

/**
 * Reads a regular file of at most `maxBytes`. It is opened without blocking (a FIFO's open would
 * otherwise wait for a writer) and checked on the open descriptor, so nothing else is ever read.
 */
export function readRegularFile(file: string, maxBytes: number): ReadResult {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, missing: code === "ENOENT", reason: `${file} could not be read (${(e as Error).message})` };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile())
      return { ok: false, missing: false, reason: `${file} is ${describeKind(stat)}, not a regular file; it was not read` };
    if (stat.size > maxBytes)
      return { ok: false, missing: false, reason: `${file} is ${stat.size} bytes, more than the ${maxBytes} expected; it was not read` };
    const buffer = Buffer.alloc(stat.size);
    let offset = 0;
    while (offset < buffer.length) {
      const n = readSync(fd, buffer, offset, buffer.length - offset, offset);
      if (n === 0) break;
      offset += n;
    }
    return { ok: true, text: buffer.subarray(0, offset).toString("utf8") };
  } catch (e) {
    return { ok: false, missing: false, reason: `${file} could not be read (${(e as Error).message})` };
  } finally {
    closeSync(fd);
  }
}

/** Why `file` must not be written to, or where to write: the file itself or the regular file a link names. */
function writeTarget(file: string): { target: string } | { refused: string } {
  const resolved = path.resolve(file);
  let link: Stats;
  try {
    link = lstatSync(resolved);
  } catch {
    return { target: resolved }; // nothing there yet
  }
  if (link.isFile()) return { target: resolved };
  if (!link.isSymbolicLink()) return { refused: `${file} is ${describeKind(link)}, not a regular file; it was left alone` };
  try {
    const target = realpathSync(resolved);
    const stat = statSync(target);
    if (stat.isFile()) return { target };
    return { refused: `${file} is a symbolic link to ${describeKind(stat)}, not a regular file; it was left alone` };
  } catch {
    return { refused: `${file} is a symbolic link to nothing; it was left alone` };
  }
}

/**
 * Writes `text` to `file` (a regular file, a link to one, or a missing path; its folder is
 * created). Anything else is refused. Returns why it was not written, `null` when it was.
 */
export function writeRegularFile(file: string, text: string): string | null {
  const where = writeTarget(file);
  if ("refused" in where) return where.refused;
  const dir = path.dirname(where.target);
  const temp = path.join(dir, `.${path.basename(where.target)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  let fd: number | null = null;
  try {
    mkdirSync(dir, { recursive: true });
    let mode = 0o644;
    try {
      mode = statSync(where.target).mode & 0o7777;
    } catch {
      /* a new file */
    }
    fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, mode);
    const bytes = Buffer.from(text, "utf8");
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    closeSync(fd);
    fd = null;
    // Checked again just before: a step may have put something else there meanwhile.
    const again = writeTarget(where.target);
    if ("refused" in again) throw new Error(again.refused);
    renameSync(temp, where.target);
    return null;
  } catch (e) {
    if (fd !== null) closeSync(fd);
    try {
      unlinkSync(temp); // our own temporary file, never the destination
    } catch {
      /* never created */
    }
    return (e as Error).message;
  }
}

/**
 * Appends `text` to a regular file (created when missing). A FIFO, device or link to one is
 * refused without blocking. Returns why it was not written, `null` when it was.
 */
export function appendRegularFile(file: string, text: string): string | null {
  const where = writeTarget(file);
  if ("refused" in where) return where.refused;
  let fd: number | null = null;
  try {
    fd = openSync(
      where.target,
      constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NONBLOCK | constants.O_NOCTTY,
      0o644,
    );
    const stat = fstatSync(fd);
    if (!stat.isFile()) return `${file} is ${describeKind(stat)}, not a regular file; it was left alone`;
    const bytes = Buffer.from(text, "utf8");
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    return null;
  } catch (e) {
    return (e as Error).message;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
