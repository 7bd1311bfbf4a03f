/**
 * A fake of the runner's artifact service on 127.0.0.1: the Twirp JSON calls `@actions/artifact`
 * makes (CreateArtifact, FinalizeArtifact) and the blob storage it streams the zip to (Azure
 * block upload: one PUT per block, then the block list). Point a step at it with
 * ACTIONS_RESULTS_URL and a runtime token from `runtimeToken()`.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

/** One artifact as the fake received it. */
export interface ReceivedArtifact {
  name: string;
  /** The uploaded zip. */
  zip: Buffer;
  finalized: boolean;
  /** `sha256:<hex>` as the client reported it at finalize. */
  hash: string | null;
}

/** A runtime token the client accepts: a JWT whose `scp` claim names the run and job. */
export function runtimeToken(): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "none", typ: "JWT" })}.${part({ scp: "Actions.GenericRead:1 Actions.Results:run-backend-id:job-backend-id" })}.sig`;
}

export class FakeArtifactService {
  readonly artifacts = new Map<string, ReceivedArtifact>();
  private readonly blocks = new Map<string, Buffer>();
  private server: http.Server | null = null;
  url = "";

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => this.handle(req, Buffer.concat(chunks), res));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private json(res: http.ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  }

  private handle(req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): void {
    const url = new URL(req.url ?? "/", this.url);
    const twirp = /^\/twirp\/github\.actions\.results\.api\.v1\.ArtifactService\/(\w+)$/.exec(url.pathname);
    if (req.method === "POST" && twirp) {
      const request = JSON.parse(body.toString("utf8")) as { name?: string; hash?: string };
      const name = request.name ?? "";
      if (twirp[1] === "CreateArtifact") {
        if (this.artifacts.has(name))
          return this.json(res, 409, { code: "already_exists", msg: "an artifact with this name already exists" });
        this.artifacts.set(name, { name, zip: Buffer.alloc(0), finalized: false, hash: null });
        return this.json(res, 200, { ok: true, signed_upload_url: `${this.url}/blob/${encodeURIComponent(name)}?sig=fake-signature` });
      }
      if (twirp[1] === "FinalizeArtifact") {
        const artifact = this.artifacts.get(name);
        if (!artifact) return this.json(res, 404, { code: "not_found", msg: "no such artifact" });
        artifact.finalized = true;
        artifact.hash = request.hash ?? null;
        return this.json(res, 200, { ok: true, artifact_id: String(this.artifacts.size) });
      }
      return this.json(res, 404, { code: "bad_route", msg: "unknown method" });
    }
    const blob = /^\/blob\/(.+)$/.exec(url.pathname);
    if (req.method === "PUT" && blob) {
      const name = decodeURIComponent(blob[1] ?? "");
      const headers = { etag: '"0x1"', "last-modified": new Date().toUTCString(), "x-ms-request-id": "fake" };
      if (url.searchParams.get("comp") === "block") {
        this.blocks.set(`${name}/${url.searchParams.get("blockid")}`, body);
        res.writeHead(201, headers);
        res.end();
        return;
      }
      if (url.searchParams.get("comp") === "blocklist") {
        const ids = [...body.toString("utf8").matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]+)</g)].map((m) => m[1]);
        const artifact = this.artifacts.get(name);
        if (artifact) artifact.zip = Buffer.concat(ids.map((id) => this.blocks.get(`${name}/${id}`) ?? Buffer.alloc(0)));
        res.writeHead(201, headers);
        res.end();
        return;
      }
      // A small blob may also come as a single PUT.
      const artifact = this.artifacts.get(name);
      if (artifact) artifact.zip = body;
      res.writeHead(201, headers);
      res.end();
      return;
    }
    this.json(res, 404, { msg: `no route for ${req.method} ${url.pathname}` });
  }
}
