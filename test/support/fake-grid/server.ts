/**
 * A fake of the two live grid services on 127.0.0.1, answering in their shapes:
 * Electricity Maps `GET /v3/carbon-intensity/past-range?zone&start&end` (hourly points, header
 * `auth-token`) and the UK Carbon Intensity API `GET /intensity/{from}/{to}` (half-hours).
 * Figures come from a function of the period's start, so any job window gets an answer.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

const HOUR_MS = 3_600_000;

export interface SeenRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
}

/** What the fake does: answer with figures, fail with a status, or never answer. */
export type Behaviour =
  | { kind: "figures"; gramsPerKwh: (startMs: number) => number | null; emissionFactorType?: string }
  | { kind: "status"; status: number }
  | { kind: "hang" };

export interface FakeGrid {
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  url: string;
  requests: SeenRequest[];
  behaviour: Behaviour;
  close(): Promise<void>;
}

function electricityMaps(url: URL, behaviour: Behaviour & { kind: "figures" }): unknown {
  const zone = url.searchParams.get("zone") ?? "";
  const startMs = Date.parse(url.searchParams.get("start") ?? "");
  const endMs = Date.parse(url.searchParams.get("end") ?? "");
  const data = [];
  for (let t = Math.floor(startMs / HOUR_MS) * HOUR_MS; t < endMs; t += HOUR_MS) {
    data.push({
      zone,
      carbonIntensity: behaviour.gramsPerKwh(t),
      datetime: new Date(t).toISOString(),
      updatedAt: new Date(t + HOUR_MS).toISOString(),
      emissionFactorType: behaviour.emissionFactorType ?? "lifecycle",
      isEstimated: false,
      estimationMethod: null,
    });
  }
  return { zone, data };
}

function ukTime(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 16) + "Z";
}

function ukIntensity(path: string, behaviour: Behaviour & { kind: "figures" }): unknown {
  const [, , from, to] = path.split("/");
  const startMs = Date.parse(decodeURIComponent(from ?? ""));
  const endMs = Date.parse(decodeURIComponent(to ?? ""));
  const half = HOUR_MS / 2;
  const data = [];
  for (let t = Math.floor(startMs / half) * half; t < endMs; t += half) {
    const value = behaviour.gramsPerKwh(t);
    data.push({ from: ukTime(t), to: ukTime(t + half), intensity: { forecast: value, actual: value, index: "moderate" } });
  }
  return { data };
}

/** Starts the fake; `behaviour` can be changed between requests. */
export async function startFakeGrid(behaviour: Behaviour): Promise<FakeGrid> {
  const fake: FakeGrid = { url: "", requests: [], behaviour, close: async () => undefined };
  const hanging: http.ServerResponse[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    fake.requests.push({ path: req.url ?? "", headers: req.headers });
    const b = fake.behaviour;
    if (b.kind === "hang") {
      hanging.push(res);
      return;
    }
    if (b.kind === "status") {
      res.writeHead(b.status, { "content-type": "application/json" }).end(JSON.stringify({ error: "fake failure" }));
      return;
    }
    let body: unknown;
    if (url.pathname === "/v3/carbon-intensity/past-range") {
      if (!req.headers["auth-token"]) {
        res.writeHead(401).end(JSON.stringify({ error: "missing auth-token" }));
        return;
      }
      body = electricityMaps(url, b);
    } else if (url.pathname.startsWith("/intensity/")) body = ukIntensity(url.pathname, b);
    else {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise((resolve) => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections?.();
      server.close(() => resolve());
    });
  return fake;
}
