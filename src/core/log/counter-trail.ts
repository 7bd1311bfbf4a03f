/**
 * The driver's energy counter as the sampler reads it while the job runs (`@counter` records,
 * every minute): enough to tell whether the count restarted (a driver reload) between the reads
 * at the window's ends. Pure.
 */

/** One GPU's counter as read while the job ran (the sampler reads it every minute). */
export interface CounterTrail {
  uuid: string;
  /** First and last values read, mJ. */
  firstMj: number;
  lastMj: number;
  /** True when a read was below the one before: the driver was reloaded and the count restarted. */
  backwards: boolean;
}

/** Adds one mid-job read to a GPU's trail (a new trail when `trail` is undefined). */
export function extendTrail(trail: CounterTrail | undefined, uuid: string, energyMj: number): CounterTrail {
  if (!trail) return { uuid, firstMj: energyMj, lastMj: energyMj, backwards: false };
  return { ...trail, lastMj: energyMj, backwards: trail.backwards || energyMj < trail.lastMj };
}
