// Runs in every test file: no simulated job outlives its test (its processes and folders go).
import { afterEach } from "vitest";
import { SimulatedJob } from "./runner.js";

afterEach(() => SimulatedJob.cleanupAll());
