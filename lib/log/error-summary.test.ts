import { describe, expect, it } from "vitest";
import { summarizeError } from "./error-summary";

const token = ["gh", "p_", "z".repeat(36)].join("");

describe("summarizeError", () => {
  it("keeps name, status and a redacted message; drops the prompt and response bodies", () => {
    const error = Object.assign(new Error(`Bad request: token ${token} rejected`), {
      name: "AI_APICallError",
      statusCode: 400,
      requestBodyValues: { prompt: `user pasted password=${token} and a stack trace` },
      responseBody: '{"error":"echo: user pasted ..."}',
      cause: new Error("socket"),
    });
    const summary = summarizeError(error);
    expect(summary).toMatchObject({ name: "AI_APICallError", status: 400 });
    const json = JSON.stringify(summary);
    expect(json).not.toContain(token);
    expect(json).not.toContain("user pasted");
    expect(Object.keys(summary).sort()).toEqual(["message", "name", "status"]);
  });

  it("handles non-Error values and bounds the message", () => {
    expect(summarizeError("x".repeat(10_000)).message.length).toBe(500);
    expect(summarizeError(null)).toMatchObject({ name: "object", message: "null" });
  });
});
