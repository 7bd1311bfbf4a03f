/**
 * Fake issue comments (what PR conversation comments are): list (paginated, oldest first),
 * create, update and delete, plus `GET /user` for the token's login. Comments carry the author
 * GitHub would record: the token's user.
 */
import { paginate, type FakeGitHub, type FakeRequest, type FakeResponse } from "./server.js";

export interface FakeComment {
  id: number;
  issue: number;
  body: string;
  user: { login: string; type: "Bot" | "User" };
  created_at: string;
  updated_at: string;
}

const notFound: FakeResponse = { status: 404, body: { message: "Not Found", documentation_url: "https://docs.github.com/rest" } };

export class FakeComments {
  readonly comments: FakeComment[] = [];
  private nextId = 1000;

  /**
   * `tokens` maps a token to the user it acts as; a token missing from it acts as
   * `github-actions[bot]`, whose `GET /user` is refused like an installation token's.
   */
  constructor(private readonly tokens: Record<string, string> = {}) {}

  /** Comments on one issue or PR, oldest first. */
  on(issue: number): FakeComment[] {
    return this.comments.filter((c) => c.issue === issue);
  }

  /** Adds a comment directly (test setup). */
  add(issue: number, body: string, login = "github-actions[bot]"): FakeComment {
    this.nextId += 1;
    const now = new Date().toISOString();
    const comment: FakeComment = {
      id: this.nextId,
      issue,
      body,
      user: { login, type: login.endsWith("[bot]") ? "Bot" : "User" },
      created_at: now,
      updated_at: now,
    };
    this.comments.push(comment);
    return comment;
  }

  private login(req: FakeRequest): string {
    const token = String(req.headers.authorization ?? "").replace(/^(token|bearer) /i, "");
    return this.tokens[token] ?? "github-actions[bot]";
  }

  private view(c: FakeComment, baseUrl: string) {
    return { ...c, html_url: `${baseUrl}/comment/${c.id}`, issue_url: `${baseUrl}/issues/${c.issue}` };
  }

  install(gh: FakeGitHub): this {
    gh.route("GET", "/user", (req) => {
      const token = String(req.headers.authorization ?? "").replace(/^(token|bearer) /i, "");
      const login = this.tokens[token];
      if (!login) return { status: 403, body: { message: "Resource not accessible by integration" } };
      return { status: 200, body: { login, type: "User" } };
    });
    gh.route("GET", "/repos/:owner/:repo/issues/:n/comments", (req, p) =>
      paginate(
        gh.url,
        req,
        this.on(Number(p.n)).map((c) => this.view(c, gh.url)),
      ),
    );
    gh.route("POST", "/repos/:owner/:repo/issues/:n/comments", (req, p) => {
      if (typeof req.body?.body !== "string") return { status: 422, body: { message: "Invalid request." } };
      if (req.body.body.length > 65_536) {
        return {
          status: 422,
          body: {
            message: "Validation Failed",
            errors: [
              { resource: "IssueComment", code: "custom", field: "body", message: "body is too long (maximum is 65536 characters)" },
            ],
          },
        };
      }
      return { status: 201, body: this.view(this.add(Number(p.n), req.body.body, this.login(req)), gh.url) };
    });
    gh.route("PATCH", "/repos/:owner/:repo/issues/comments/:id", (req, p) => {
      const comment = this.comments.find((c) => c.id === Number(p.id));
      if (!comment) return notFound;
      if (comment.user.login !== this.login(req)) return { status: 403, body: { message: "Resource not accessible by integration" } };
      if (typeof req.body?.body !== "string" || req.body.body.length > 65_536)
        return { status: 422, body: { message: "Validation Failed" } };
      comment.body = req.body.body;
      comment.updated_at = new Date().toISOString();
      return { status: 200, body: this.view(comment, gh.url) };
    });
    gh.route("DELETE", "/repos/:owner/:repo/issues/comments/:id", (req, p) => {
      const at = this.comments.findIndex((c) => c.id === Number(p.id));
      if (at < 0) return notFound;
      if (this.comments[at]!.user.login !== this.login(req))
        return { status: 403, body: { message: "Resource not accessible by integration" } };
      this.comments.splice(at, 1);
      return { status: 204 };
    });
    return this;
  }
}
