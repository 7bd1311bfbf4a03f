/**
 * A small fake of GitHub's REST API on 127.0.0.1, for tests that run the real Octokit client
 * over HTTP (point the action at it with GITHUB_API_URL). Resources are added as routes; faults
 * (status codes, delays) are queued per route so retries and error handling really run.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: any;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Delay before answering, ms (for timeout tests). */
  delayMs?: number;
  /** Bytes sent as they are instead of `body` as JSON (downloads); set content-type in `headers`. */
  raw?: string | Buffer;
}

export type Handler = (req: FakeRequest, params: Record<string, string>) => FakeResponse | Promise<FakeResponse>;

/** A workflow's `permissions:` as GitHub grants them to the job's token; scopes left out are `none`. */
export type Permissions = Partial<Record<string, "read" | "write" | "none">>;

/**
 * The permission GitHub requires of an installation token for a request, as `scope:level`
 * alternatives (any one suffices); `[]` for what every token may do (repository metadata,
 * signed download URLs). Comments on a pull request are issue comments: `issues` or
 * `pull-requests` grants them.
 */
export function requiredPermission(method: string, path: string): string[] {
  const level = method === "GET" || method === "HEAD" ? "read" : "write";
  const rest = /^\/repos\/[^/]+\/[^/]+(\/.*)?$/.exec(path)?.[1] ?? null;
  if (!rest) return [];
  if (/^\/(contents|git)\//.test(rest)) return [`contents:${level}`];
  if (/^\/issues\//.test(rest)) return [`issues:${level}`, `pull-requests:${level}`];
  if (/^\/pulls(\/|$)/.test(rest)) return [`pull-requests:${level}`];
  if (/^\/actions\//.test(rest)) return [`actions:${level}`];
  return [];
}

/** Whether `permissions` grant `needed` (`scope:level`); write includes read. */
function grants(permissions: Permissions, needed: string): boolean {
  const [scope = "", level] = needed.split(":");
  const granted = permissions[scope] ?? "none";
  return granted === "write" || (granted === "read" && level === "read");
}

interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  handler: Handler;
}

/** Compiles `/repos/:owner/:repo/issues/:number/comments` into a matcher. */
function compile(template: string): { pattern: RegExp; keys: string[] } {
  const keys: string[] = [];
  const source = template.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/:([A-Za-z_]+)(\\\*)?/g, (_m, key: string, star?: string) => {
    keys.push(key);
    return star ? "(.+)" : "([^/]+)";
  });
  return { pattern: new RegExp(`^${source}$`), keys };
}

export class FakeGitHub {
  private readonly routes: Route[] = [];
  private readonly faults = new Map<string, FakeResponse[]>();
  private readonly permissions = new Map<string, Permissions>();
  /** Every request received, in order. */
  readonly requests: FakeRequest[] = [];
  /** Requests refused because the token's permissions did not grant them, as `METHOD path (needs ...)`. */
  readonly refused: string[] = [];
  private server: http.Server | null = null;
  url = "";

  /** Adds a route; `template` uses `:name` segments and `:name*` for the rest of the path. */
  route(method: string, template: string, handler: Handler): this {
    const { pattern, keys } = compile(template);
    this.routes.push({ method: method.toUpperCase(), pattern, keys, handler });
    return this;
  }

  /** Queues responses served instead of the route's own answer, one per matching request. */
  fail(method: string, template: string, ...responses: FakeResponse[]): this {
    const key = `${method.toUpperCase()} ${template}`;
    this.faults.set(key, [...(this.faults.get(key) ?? []), ...responses]);
    return this;
  }

  /**
   * Limits `token` to `permissions`, as a workflow's `permissions:` limits its GITHUB_TOKEN: a
   * request it does not grant gets GitHub's 403. Tokens never granted anything are not checked.
   */
  grant(token: string, permissions: Permissions): this {
    this.permissions.set(token, permissions);
    return this;
  }

  /** Requests whose method and path match. */
  calls(method: string, pathPattern: RegExp): FakeRequest[] {
    return this.requests.filter((r) => r.method === method.toUpperCase() && pathPattern.test(r.path));
  }

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    return this.url;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = null;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const text = Buffer.concat(chunks).toString("utf8");
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = text;
    }
    const request: FakeRequest = { method: req.method ?? "GET", path: url.pathname, query: url.searchParams, headers: req.headers, body };
    this.requests.push(request);
    let response: FakeResponse = { status: 404, body: { message: "Not Found", documentation_url: "https://docs.github.com/rest" } };
    const token = String(req.headers.authorization ?? "").replace(/^(token|bearer) /i, "");
    const limited = this.permissions.get(token);
    const needed = requiredPermission(request.method, request.path);
    const refused = limited !== undefined && needed.length > 0 && !needed.some((n) => grants(limited, n));
    if (refused) this.refused.push(`${request.method} ${request.path} (needs ${needed.join(" or ")})`);
    if (refused)
      response = {
        status: 403,
        body: { message: "Resource not accessible by integration", documentation_url: "https://docs.github.com/rest" },
      };
    for (const route of refused ? [] : this.routes) {
      if (route.method !== request.method) continue;
      const match = route.pattern.exec(request.path);
      if (!match) continue;
      const params = Object.fromEntries(route.keys.map((k, i) => [k, decodeURIComponent(match[i + 1] ?? "")]));
      const faultKey = [...this.faults.keys()].find((key) => {
        const [method, template] = key.split(" ");
        return method === request.method && compile(template ?? "").pattern.test(request.path);
      });
      const queued = faultKey ? this.faults.get(faultKey) : undefined;
      response = queued && queued.length > 0 ? queued.shift()! : await route.handler(request, params);
      break;
    }
    if (response.delayMs) await new Promise((resolve) => setTimeout(resolve, response.delayMs));
    if (res.destroyed) return;
    res.writeHead(response.status, { "content-type": "application/json; charset=utf-8", ...response.headers });
    if (response.raw !== undefined) res.end(response.raw);
    else res.end(response.body === undefined ? "" : JSON.stringify(response.body));
  }
}

/** A `Link` header for page `page` of `last` pages of `path` (what octokit's paginate follows). */
export function linkHeader(baseUrl: string, path: string, page: number, last: number, perPage: number): string {
  const link = (p: number, rel: string) => `<${baseUrl}${path}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
  const parts: string[] = [];
  if (page < last) parts.push(link(page + 1, "next"), link(last, "last"));
  if (page > 1) parts.push(link(1, "first"), link(page - 1, "prev"));
  return parts.join(", ");
}

/** Serves `items` in pages the way GitHub does (per_page, page, Link header). */
export function paginate(baseUrl: string, req: FakeRequest, items: unknown[], defaultPerPage = 30): FakeResponse {
  const perPage = Math.min(100, Number(req.query.get("per_page") ?? defaultPerPage));
  const page = Math.max(1, Number(req.query.get("page") ?? 1));
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = linkHeader(baseUrl, req.path, page, last, perPage);
  return { status: 200, body: items.slice((page - 1) * perPage, page * perPage), headers: link ? { link } : {} };
}
