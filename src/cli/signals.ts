/**
 * Who passes a signal on to the command `gpu-carbon run` starts, so that it arrives exactly once.
 *
 * A terminal sends Ctrl+C (SIGINT), Ctrl+\ (SIGQUIT) and a hang-up (SIGHUP) to every process of
 * its foreground process group. Used interactively, the command stays in the CLI's group, so it
 * can read the terminal and gets those signals from the terminal itself: passing them on too would
 * deliver each twice (and a second Ctrl+C means "force quit" to many training scripts, which then
 * skip their checkpoint). Anywhere else (CI, a script, a background job) the command gets a
 * process group of its own, so a signal sent to the CLI's group reaches it only through the CLI,
 * once. SIGTERM is always passed on: no terminal sends it.
 */
import { readFileSync } from "node:fs";

const TERMINAL_SIGNALS: ReadonlySet<NodeJS.Signals> = new Set(["SIGINT", "SIGQUIT", "SIGHUP"]);

/** Process group and the terminal's foreground group from a `/proc/<pid>/stat` line. */
export function groupsFromStat(stat: string): { pgrp: number; tpgid: number } | null {
  // Fields after the command name (which may hold spaces) start after its last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const pgrp = Number(fields[2]);
  const tpgid = Number(fields[5]);
  return Number.isInteger(pgrp) && Number.isInteger(tpgid) ? { pgrp, tpgid } : null;
}

/** True when stdin is a terminal and this process is in that terminal's foreground group. */
export function inTerminalForeground(stdinIsTty: boolean, stat: () => string = () => readFileSync("/proc/self/stat", "utf8")): boolean {
  if (!stdinIsTty) return false;
  try {
    const groups = groupsFromStat(stat());
    return groups !== null && groups.tpgid > 0 && groups.tpgid === groups.pgrp;
  } catch {
    return false; // no /proc: not Linux, where `run` samples nothing anyway
  }
}

/** Whether the CLI passes `signal` on to a command that does (`sharedGroup`) or does not share its group. */
export function forwardsSignal(signal: NodeJS.Signals, sharedGroup: boolean): boolean {
  return !(sharedGroup && TERMINAL_SIGNALS.has(signal));
}
