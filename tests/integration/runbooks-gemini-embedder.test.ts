import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGeminiEmbedder } from "@/lib/vector/gemini-embedder";

interface Captured {
  url: string;
  apiKey: string | undefined;
  body: {
    requests?: Array<{
      taskType?: string;
      outputDimensionality?: number;
      content: { parts: { text: string }[] };
    }>;
  };
}

// Loopback stand-in for generativelanguage.googleapis.com: exercises the real
// provider HTTP path without calling Google.
describe("Gemini embedder over HTTP (loopback fake API)", () => {
  const captured: Captured[] = [];
  let server: http.Server;
  let baseURL: string;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let raw = "";
      req.on("data", (c) => {
        raw += c;
      });
      req.on("end", () => {
        const body = JSON.parse(raw || "{}");
        captured.push({
          url: req.url ?? "",
          apiKey: req.headers["x-goog-api-key"] as string | undefined,
          body,
        });
        if (req.headers["x-goog-api-key"] !== "test-key") {
          res.writeHead(403, { "content-type": "application/json" });
          res.end(
            JSON.stringify({
              error: { code: 403, message: "API key not valid", status: "PERMISSION_DENIED" },
            }),
          );
          return;
        }
        const dims = body.requests?.[0]?.outputDimensionality ?? body.outputDimensionality ?? 3;
        const vec = (text: string) =>
          Array.from({ length: dims }, (_, i) => (i === text.length % dims ? 2 : 0));
        res.writeHead(200, { "content-type": "application/json" });
        if (body.requests) {
          res.end(
            JSON.stringify({
              embeddings: body.requests.map((r: { content: { parts: { text: string }[] } }) => ({
                values: vec(r.content.parts[0].text),
              })),
            }),
          );
        } else {
          res.end(JSON.stringify({ embedding: { values: vec(body.content.parts[0].text) } }));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1beta`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("sends a batchEmbedContents request with task type and dimensionality and normalises the result", async () => {
    const embedder = createGeminiEmbedder({ apiKey: "test-key", baseURL, dimensions: 3 });
    const vecs = await embedder.embed(["ab", "abc"], { purpose: "document" });
    expect(vecs).toEqual([
      [0, 0, 1],
      [1, 0, 0],
    ]);
    const call = captured.at(-1)!;
    expect(call.url).toBe("/v1beta/models/gemini-embedding-001:batchEmbedContents");
    expect(call.apiKey).toBe("test-key");
    expect(call.body.requests?.map((r) => [r.taskType, r.outputDimensionality])).toEqual([
      ["RETRIEVAL_DOCUMENT", 3],
      ["RETRIEVAL_DOCUMENT", 3],
    ]);
  });

  it("surfaces API errors instead of returning empty vectors", async () => {
    const embedder = createGeminiEmbedder({ apiKey: "wrong", baseURL, dimensions: 3, maxRetries: 0 });
    await expect(embedder.embed(["q"], { purpose: "query" })).rejects.toThrow(/API key not valid/);
    expect(captured.at(-1)!.url).toBe("/v1beta/models/gemini-embedding-001:embedContent");
  });
});
