/**
 * What is known about a GPU's power sensor, by product family: how accurate a reading is, how
 * often the driver publishes one and how much of that period the sensor actually sees. The
 * figures and their sources are listed in docs/accuracy.md. Pure.
 */

/** A family of boards whose power sensors behave alike. */
export interface SensorProfile {
  /** Family name as shown in the report, e.g. `GA100 (A100)`. */
  family: string;
  /** Gain accuracy of a reading, fraction of the reading (NVIDIA states 0.05). */
  gainFraction: number;
  /** Offset accuracy of a reading, W: what a board can read low or high even at idle. */
  offsetW: number;
  /** Share of each update period the sensor's average covers, 0..1 (0.25 on GA100/GH100). */
  sensedFraction: number;
  /** How often the driver publishes a new reading, ms. */
  updatePeriodMs: number;
  /** Whether `power.draw` is the 1-second moving average (Ampere except GA100, and newer). */
  averagedPowerDraw: boolean;
}

/** The time a 1-second-averaged reading spans, ms. */
export const AVERAGED_READING_MS = 1000;

/**
 * How far a 1-second-averaged reading trails the power, s: Yang et al. measured a 0.6 s delay
 * and a 0.9 s rise on the RTX 3090, so half the rise after the delay is about a second.
 */
export const AVERAGED_LAG_S = 1;

interface Family extends SensorProfile {
  /** Product names of the family (matched against nvidia-smi's `name`). */
  match: RegExp;
}

// Order matters: the first match wins (an `RTX A5000` must not match the GA100 family's `A100`).
const FAMILIES: Family[] = [
  {
    family: "GA100 (A100, A30)",
    match: /\b(A100|A800|A30)\b/i,
    // The meter's A100 run read 7 % low at idle; Yang et al. measured -5.5 %.
    gainFraction: 0.08,
    offsetW: 5,
    sensedFraction: 0.25,
    updatePeriodMs: 100,
    averagedPowerDraw: false,
  },
  {
    family: "Hopper and Blackwell data centre (H100, H200, GH200, B200)",
    match: /\b(H100|H200|H800|H20|GH200|B100|B200|B300|GB200|GB300)\b/i,
    gainFraction: 0.05,
    offsetW: 5,
    sensedFraction: 0.25,
    updatePeriodMs: 100,
    averagedPowerDraw: true,
  },
  {
    family: "Ada and Blackwell workstation and GeForce (RTX 40, RTX 50, L4, L40)",
    match: /(RTX\s*(40|50)\d\d|\bL4\b|\bL40S?\b|RTX\s*\d+\s*Ada|RTX PRO)/i,
    // The meter's RTX 4090 read 18 W low at idle (70 W true), 1 % low under load.
    gainFraction: 0.05,
    offsetW: 20,
    sensedFraction: 1,
    updatePeriodMs: 100,
    averagedPowerDraw: true,
  },
  {
    family: "GA10x (RTX 30, RTX A2000-A6000, A10, A40)",
    match: /(RTX\s*30\d\d|RTX\s*A\d{4}|\bA10G?\b|\bA16\b|\bA2\b|\bA40\b)/i,
    // The meter's RTX A5000 read 7 % low under load; Yang et al. measured -4.9 to -6.1 %.
    gainFraction: 0.08,
    offsetW: 5,
    sensedFraction: 1,
    updatePeriodMs: 100,
    averagedPowerDraw: true,
  },
  {
    family: "Volta and Pascal (V100, P100, GTX 10)",
    match: /(V100|P100|P40|P4\b|TITAN V|TITAN Xp|GTX\s*10\d\d)/i,
    gainFraction: 0.05,
    offsetW: 5,
    sensedFraction: 0.5,
    updatePeriodMs: 20,
    averagedPowerDraw: false,
  },
  {
    family: "Turing (RTX 20, T4, Quadro RTX, GTX 16)",
    match: /(RTX\s*20\d\d|\bT4\b|Quadro RTX|TITAN RTX|GTX\s*16\d\d)/i,
    // Yang et al.: RTX 2060 SUPER +10.9 %; the Quadro RTX 8000 senses 20 ms of every 100 ms.
    gainFraction: 0.11,
    offsetW: 5,
    sensedFraction: 0.2,
    updatePeriodMs: 100,
    averagedPowerDraw: false,
  },
];

/** A board nothing is known about: the widest of the known families' figures. */
export const UNKNOWN_SENSOR: SensorProfile = {
  family: "unknown board",
  gainFraction: 0.11,
  offsetW: 20,
  sensedFraction: 0.25,
  updatePeriodMs: 100,
  averagedPowerDraw: false,
};

/** The sensor profile of a board named `name` by nvidia-smi; `UNKNOWN_SENSOR` when the name is unknown or unlisted. */
export function sensorProfile(name: string | null): SensorProfile {
  if (name === null) return UNKNOWN_SENSOR;
  const found = FAMILIES.find((family) => family.match.test(name));
  if (!found) return UNKNOWN_SENSOR;
  const { match: _match, ...profile } = found;
  return profile;
}

/** Whether readings of `powerField` are 1-second averages on this board. */
export function readsAveraged(profile: SensorProfile, powerField: string | null): boolean {
  if (powerField === "power.draw.average") return true;
  if (powerField === "power.draw.instant") return false;
  return profile.averagedPowerDraw;
}

/**
 * The share of the time the integrated readings actually saw, 0..1: the sensor's own share of
 * each update period, times how much of the sampling interval one reading spans (a 25 ms
 * reading taken every 500 ms stands for 5 % of the time; a 1-second average every 500 ms, all of it).
 */
export function seenFraction(profile: SensorProfile, powerField: string | null, intervalMs: number): number {
  const readingMs = readsAveraged(profile, powerField) ? AVERAGED_READING_MS : profile.updatePeriodMs;
  return profile.sensedFraction * Math.min(1, readingMs / Math.max(intervalMs, profile.updatePeriodMs));
}
