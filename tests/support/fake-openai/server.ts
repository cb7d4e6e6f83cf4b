import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A loopback OpenAI-compatible server (POST …/chat/completions), standing in
 * for Ollama / vLLM / LM Studio in tests: it streams SSE `chat.completion.chunk`
 * events with text deltas or tool-call deltas, answers non-streaming requests
 * (structured output) with one `chat.completion`, and records every request.
 *
 * Replies come from `script` in order; when it runs out, a rule-based default
 * acts like a small agent so an e2e journey needs no scripting:
 *  - the last message is a tool result → text quoting that result;
 *  - a user message naming a `kebab-case` name and tools are offered →
 *    a getEntity tool call for it;
 *  - a `response_format` (structured output) → a fixed valid diagnosis JSON;
 *  - otherwise → a short greeting.
 */
export type FakeReply =
  | { text: string[] }
  | { toolCalls: { name: string; arguments: unknown }[] }
  | { json: unknown }
  /** Raw assistant content (e.g. invalid JSON for a structured-output request). */
  | { content: string }
  | { status: number; error: string };

export interface RecordedRequest {
  path: string;
  authorization: string | undefined;
  body: {
    model?: string;
    stream?: boolean;
    messages?: { role: string; content?: unknown; tool_calls?: unknown; tool_call_id?: string }[];
    tools?: { type: string; function: { name: string; parameters?: unknown } }[];
    response_format?: unknown;
  };
}

export interface FakeOpenAiServer {
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** Replies used before the rule-based default, first in first out. */
  script: FakeReply[];
  close(): Promise<void>;
}

export const FAKE_DIAGNOSIS = {
  category: "oomkilled",
  severity: "critical",
  root_cause: "The container exceeded its 256Mi memory limit and was OOM-killed (exit code 137).",
  fix_commands: [
    { command: "kubectl top pod -n storefront --containers", description: "Compare usage with the limit." },
    { command: "kubectl delete pod accounts-7d9f -n storefront", description: "Restart the pod." },
  ],
  prevention_tips: ["Set memory limits from observed p99 usage."],
};

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => {
      data += c;
    });
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });

function lastUserText(body: RecordedRequest["body"]): string {
  const user = [...(body.messages ?? [])].reverse().find((m) => m.role === "user");
  if (!user) return "";
  if (typeof user.content === "string") return user.content;
  return Array.isArray(user.content)
    ? user.content.map((p: { text?: string }) => p.text ?? "").join(" ")
    : "";
}

function defaultReply(body: RecordedRequest["body"]): FakeReply {
  if (body.response_format) return { json: FAKE_DIAGNOSIS };
  const last = body.messages?.at(-1);
  if (last?.role === "tool") {
    const content = typeof last.content === "string" ? last.content : JSON.stringify(last.content);
    return { text: ["The fake model read the tool result: ", content.slice(0, 400)] };
  }
  const name = /\b([a-z0-9]+(?:-[a-z0-9]+)+)\b/.exec(lastUserText(body).slice(0, 2000))?.[1];
  if (name && body.tools?.some((t) => t.function.name === "getEntity")) {
    return { toolCalls: [{ name: "getEntity", arguments: { ref: `component:default/${name}` } }] };
  }
  return { text: ["Hello ", "from the ", "fake model."] };
}

let sequence = 0;

function sse(res: ServerResponse, model: string, reply: Exclude<FakeReply, { status: number }>) {
  const id = `chatcmpl-fake-${++sequence}`;
  const created = Math.floor(Date.now() / 1000);
  const send = (delta: unknown, finish: string | null = null) =>
    res.write(
      `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`,
    );
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  if ("toolCalls" in reply) {
    reply.toolCalls.forEach((call, index) => {
      const args = JSON.stringify(call.arguments);
      const half = Math.ceil(args.length / 2);
      send({
        role: "assistant",
        tool_calls: [
          {
            index,
            id: `call_${sequence}_${index}`,
            type: "function",
            function: { name: call.name, arguments: "" },
          },
        ],
      });
      // Arguments arrive in pieces, as real servers send them.
      send({ tool_calls: [{ index, function: { arguments: args.slice(0, half) } }] });
      send({ tool_calls: [{ index, function: { arguments: args.slice(half) } }] });
    });
    send({}, "tool_calls");
  } else {
    const pieces =
      "text" in reply ? reply.text : ["content" in reply ? reply.content : JSON.stringify(reply.json)];
    send({ role: "assistant", content: "" });
    for (const piece of pieces) send({ content: piece });
    send({}, "stop");
  }
  res.write(
    `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model, choices: [], usage: { prompt_tokens: 12, completion_tokens: 8, total_tokens: 20 } })}\n\n`,
  );
  res.end("data: [DONE]\n\n");
}

function complete(res: ServerResponse, model: string, reply: Exclude<FakeReply, { status: number }>) {
  const message =
    "toolCalls" in reply
      ? {
          role: "assistant",
          content: null,
          tool_calls: reply.toolCalls.map((c, i) => ({
            id: `call_${sequence}_${i}`,
            type: "function",
            function: { name: c.name, arguments: JSON.stringify(c.arguments) },
          })),
        }
      : {
          role: "assistant",
          content:
            "text" in reply
              ? reply.text.join("")
              : "content" in reply
                ? reply.content
                : JSON.stringify(reply.json),
        };
  res.writeHead(200, { "content-type": "application/json" });
  res.end(
    JSON.stringify({
      id: `chatcmpl-fake-${++sequence}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model,
      choices: [{ index: 0, message, finish_reason: "toolCalls" in reply ? "tool_calls" : "stop" }],
      usage: { prompt_tokens: 12, completion_tokens: 8, total_tokens: 20 },
    }),
  );
}

export async function startFakeOpenAi(
  opts: { port?: number; apiKey?: string; script?: FakeReply[] } = {},
): Promise<FakeOpenAiServer> {
  const requests: RecordedRequest[] = [];
  const script: FakeReply[] = [...(opts.script ?? [])];
  const server: Server = createServer(async (req, res) => {
    try {
      const path = new URL(req.url ?? "/", "http://x").pathname;
      if (req.method === "GET" && path.endsWith("/models")) {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ object: "list", data: [{ id: "fake-model", object: "model" }] }));
        return;
      }
      if (req.method !== "POST" || !path.endsWith("/chat/completions")) {
        res.writeHead(404, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { message: `no route ${req.method} ${path}` } }));
        return;
      }
      const body = JSON.parse(await readBody(req)) as RecordedRequest["body"];
      requests.push({ path, authorization: req.headers.authorization, body });
      if (opts.apiKey && req.headers.authorization !== `Bearer ${opts.apiKey}`) {
        res.writeHead(401, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { message: "invalid api key", type: "invalid_request_error" } }));
        return;
      }
      const reply = script.shift() ?? defaultReply(body);
      if ("status" in reply) {
        res.writeHead(reply.status, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { message: reply.error, type: "server_error" } }));
        return;
      }
      const model = body.model ?? "fake-model";
      if (body.stream) sse(res, model, reply);
      else complete(res, model, reply);
    } catch (error) {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: String(error) } }));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    script,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
