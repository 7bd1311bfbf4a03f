/**
 * Workflow steps as spans, from the Jobs API. Pure.
 *
 * The rule for turning step timestamps into energy (also written into every report):
 * - A step runs from its `started_at` to its `completed_at`. The API gives both in whole
 *   seconds, so each boundary is uncertain by up to one second: a step shorter than a second
 *   can show 0 s and 0 kWh, and up to a second of energy at each boundary can belong to its
 *   neighbour.
 * - Steps are taken in their `number` order. Where a step starts before the previous one
 *   completed (two boundaries in the same second), the earlier step keeps the overlap, so no
 *   energy is counted twice.
 * - A step still running when the report is made (the action's own post step) runs to the end
 *   of the measurement; steps that never started (skipped, queued) are left out.
 * - Energy between steps (the runner's own work between them, before the first and after the
 *   last) belongs to no step and is reported as "outside steps", so that the steps and it add
 *   up to the job's total.
 */
import type { Span } from "./breakdown.js";

/** A step as the Jobs API lists it (the fields used). */
export interface JobStep {
  name: string;
  number: number;
  status: string;
  conclusion: string | null;
  /** ISO 8601, whole seconds; `null` for a step that has not started. */
  started_at?: string | null;
  /** ISO 8601, whole seconds; `null` while it runs. */
  completed_at?: string | null;
}

/** The rule above in words, for the report. */
export const STEP_RULES = [
  "each step runs from its started_at to its completed_at as the Jobs API gives them, in whole seconds: each boundary is uncertain by up to 1 s, and a step shorter than a second can show 0 s",
  "where a step starts in the second the previous one completed, the earlier step keeps the overlap",
  "a step still running at the report (the action's own post step) runs to the end of the measurement; steps that never started are left out",
  "energy between steps (the runner's work before, between and after them) is reported as outside steps",
];

function epochMs(text: string | null | undefined): number | null {
  if (!text) return null;
  const value = Date.parse(text);
  return Number.isFinite(value) ? value : null;
}

/** The steps that started, as non-overlapping spans in step order (see the rule above). */
export function stepSpans(steps: JobStep[]): Span[] {
  const spans: Span[] = [];
  let previousEndMs = Number.NEGATIVE_INFINITY;
  for (const step of [...steps].sort((a, b) => a.number - b.number)) {
    const started = epochMs(step.started_at);
    if (started === null) continue;
    const completed = epochMs(step.completed_at);
    const startEpochMs = Math.max(started, previousEndMs);
    const endEpochMs = completed === null ? null : Math.max(startEpochMs, completed);
    spans.push({ name: step.name, startEpochMs, endEpochMs });
    // A running step lasts to the end: later steps (none, normally) get nothing.
    previousEndMs = endEpochMs ?? Number.POSITIVE_INFINITY;
  }
  return spans;
}
