import { execFileSync, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export interface FakeGithub {
  apiUrl: string;
  root: string;
  token: string;
  repos: Map<
    string,
    { description?: string; private?: boolean; visibility?: string; topics: string[]; defaultBranch: string }
  >;
  pulls: { owner: string; repo: string; head: string; base: string; title: string; body?: string }[];
  requests: string[];
  repoDir(owner: string, repo: string): string;
  close(): Promise<void>;
}

const ORGS = new Set(["acme"]);

/**
 * A loopback stand-in for GitHub: the REST endpoints publish:github uses, and git smart HTTP
 * served by the real `git http-backend`, so pushes go through the same protocol as github.com.
 */
export async function startFakeGithub(token = "ghp_fake_token_123"): Promise<FakeGithub> {
  const root = await mkdtemp(path.join(tmpdir(), "fake-github-"));
  const repos: FakeGithub["repos"] = new Map();
  const pulls: FakeGithub["pulls"] = [];
  const requests: string[] = [];
  let base = "";

  const readBody = (req: http.IncomingMessage) =>
    new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      req.on("data", (c) => chunks.push(c));
      req.on("end", () => resolve(Buffer.concat(chunks)));
    });
  const send = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  const repoJson = (owner: string, name: string) => ({
    name,
    full_name: `${owner}/${name}`,
    clone_url: `${base}/git/${owner}/${name}.git`,
    html_url: `${base}/${owner}/${name}`,
    default_branch: repos.get(`${owner}/${name}`)?.defaultBranch ?? "main",
  });
  const createRepo = (owner: string, body: Record<string, unknown>) => {
    const name = String(body.name);
    const key = `${owner}/${name}`;
    if (repos.has(key)) return undefined;
    execFileSync("git", ["init", "-q", "--bare", "-b", "main", path.join(root, owner, `${name}.git`)]);
    execFileSync("git", ["-C", path.join(root, owner, `${name}.git`), "config", "http.receivepack", "true"]);
    repos.set(key, {
      description: body.description as string | undefined,
      private: body.private as boolean | undefined,
      visibility: body.visibility as string | undefined,
      topics: [],
      defaultBranch: "main",
    });
    return repoJson(owner, name);
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", base);
    requests.push(`${req.method} ${url.pathname}`);
    // Web-style clone URLs (https://host/owner/repo.git), as remote fetch:* uses them.
    const webGit = /^\/[^/]+\/[^/]+\.git\//.test(url.pathname);
    const blob = url.pathname.match(/^\/([^/]+)\/([^/]+)\/blob\/([^/]+)\/(.+)$/);
    if (blob && req.method === "GET") {
      // What a catalog URL location reads (GitHub serves blob pages; the catalog reads raw files).
      try {
        const text = execFileSync("git", [
          "-C",
          path.join(root, blob[1], `${blob[2]}.git`),
          "show",
          `${blob[3]}:${decodeURIComponent(blob[4])}`,
        ]);
        res.writeHead(200, { "content-type": "text/plain" }).end(text);
      } catch {
        res.writeHead(404).end();
      }
      return;
    }
    if (url.pathname.startsWith("/git/") || webGit) {
      const auth = req.headers.authorization ?? "";
      const decoded = auth.startsWith("Basic ") ? Buffer.from(auth.slice(6), "base64").toString() : "";
      // Public repositories: anyone may clone (upload-pack) through the web-style URL; pushes need the token.
      const publicRead =
        webGit &&
        (url.searchParams.get("service") === "git-upload-pack" || url.pathname.endsWith("/git-upload-pack"));
      if (!publicRead && decoded.split(":")[1] !== token) {
        res.writeHead(401, { "www-authenticate": 'Basic realm="fake"' }).end();
        return;
      }
      const cgi = spawn("git", ["http-backend"], {
        env: {
          ...process.env,
          GIT_PROJECT_ROOT: root,
          GIT_HTTP_EXPORT_ALL: "1",
          PATH_INFO: webGit ? url.pathname : url.pathname.slice(4),
          REQUEST_METHOD: req.method,
          QUERY_STRING: url.search.slice(1),
          CONTENT_TYPE: req.headers["content-type"] ?? "",
          REMOTE_USER: "x-access-token",
          REMOTE_ADDR: "127.0.0.1",
        },
      });
      req.pipe(cgi.stdin);
      const out: Buffer[] = [];
      cgi.stdout.on("data", (c) => out.push(c));
      cgi.on("close", () => {
        const buf = Buffer.concat(out);
        const split = buf.indexOf("\r\n\r\n");
        const head = buf.subarray(0, split).toString();
        const headers: Record<string, string> = {};
        let status = 200;
        for (const line of head.split("\r\n")) {
          const i = line.indexOf(":");
          const k = line.slice(0, i).trim();
          const v = line.slice(i + 1).trim();
          if (k.toLowerCase() === "status") status = Number(v.split(" ")[0]);
          else headers[k] = v;
        }
        res.writeHead(status, headers);
        res.end(buf.subarray(split + 4));
      });
      return;
    }
    const auth = req.headers.authorization ?? "";
    if (!auth.endsWith(token)) return send(res, 401, { message: "Bad credentials" });
    const body =
      req.method === "GET"
        ? {}
        : (JSON.parse((await readBody(req)).toString() || "{}") as Record<string, unknown>);
    const user = url.pathname.match(/^\/users\/([^/]+)$/);
    if (req.method === "GET" && user)
      return send(res, 200, { login: user[1], type: ORGS.has(user[1]) ? "Organization" : "User" });
    const org = url.pathname.match(/^\/orgs\/([^/]+)\/repos$/);
    if (req.method === "POST" && org) {
      const r = createRepo(org[1], body);
      return r ? send(res, 201, r) : send(res, 422, { message: "name already exists on this account" });
    }
    if (req.method === "POST" && url.pathname === "/user/repos") {
      const r = createRepo("me", body);
      return r ? send(res, 201, r) : send(res, 422, { message: "name already exists on this account" });
    }
    const m = url.pathname.match(/^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/);
    if (m) {
      const key = `${m[1]}/${m[2]}`;
      const repo = repos.get(key);
      if (!repo) return send(res, 404, { message: "Not Found" });
      if (req.method === "GET" && !m[3]) return send(res, 200, repoJson(m[1], m[2]));
      if (req.method === "PATCH" && !m[3]) {
        if (typeof body.default_branch === "string") repo.defaultBranch = body.default_branch;
        return send(res, 200, repoJson(m[1], m[2]));
      }
      if (req.method === "PUT" && m[3] === "/topics") {
        repo.topics = body.names as string[];
        return send(res, 200, { names: repo.topics });
      }
      if (req.method === "POST" && m[3] === "/pulls") {
        pulls.push({
          owner: m[1],
          repo: m[2],
          head: String(body.head),
          base: String(body.base),
          title: String(body.title),
          body: body.body as string,
        });
        return send(res, 201, { number: pulls.length, html_url: `${base}/${key}/pull/${pulls.length}` });
      }
    }
    send(res, 404, { message: `Not Found: ${req.method} ${url.pathname}` });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: base,
    root,
    token,
    repos,
    pulls,
    requests,
    repoDir: (owner, repo) => path.join(root, owner, `${repo}.git`),
    async close() {
      await new Promise((r) => server.close(r));
      await rm(root, { recursive: true, force: true });
    },
  };
}
