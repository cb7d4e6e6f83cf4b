import { describe, expect, it } from "vitest";
import { redactSecrets } from "@/lib/diagnose/redact";
import { ApiError } from "@/lib/http/api-error";
import { chatRequestSchema, checkMessageText, storableText, titleFromText } from "./request";
import { MAX_MESSAGE_TEXT_BYTES } from "./types";

const req = (text: string) =>
  chatRequestSchema.parse({ message: { id: "m1", role: "user", parts: [{ type: "text", text }] } });

describe("chat request checks", () => {
  it("measures the limit in UTF-8 bytes, not characters", () => {
    const euro = "€"; // 3 bytes
    expect(checkMessageText(req(euro.repeat(MAX_MESSAGE_TEXT_BYTES / 3 - 1)))).toBeTruthy();
    const err = (() => {
      try {
        checkMessageText(req(euro.repeat(MAX_MESSAGE_TEXT_BYTES / 3 + 1)));
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(413);
  });

  it("rejects whitespace-only text with 400", () => {
    expect(() => checkMessageText(req(" \n\t"))).toThrow(/empty/);
  });

  it("titles a conversation from its first non-empty line", () => {
    expect(titleFromText("\n\n  Error:   connect ECONNREFUSED\nstack", (t) => t)).toBe(
      "Error: connect ECONNREFUSED",
    );
    expect(titleFromText("a".repeat(100), (t) => t).length).toBe(60);
  });

  it("redacts the title before cutting it, so no token prefix survives the cut", () => {
    const token = ["gh", "p_", "f".repeat(36)].join("");
    const text = `deploy fails with this token in the header ${token} please help`;
    const title = titleFromText(text, redactSecrets);
    expect(title).not.toContain("ghp_");
    expect(title).not.toContain("ffff");
    expect(title.length).toBeLessThanOrEqual(60);
    expect(title).toContain("[REDACTED");
  });
});

describe("storableText (Postgres text cannot hold NUL or lone surrogates: a 500 before)", () => {
  it("accepts well-formed text, including astral characters", () => {
    expect(storableText("héllo 🚀 日本")).toBe(true);
  });
  it("refuses NUL and lone surrogates, so the schema answers 400", () => {
    for (const bad of ["a\u0000b", "\ud800", "x\udc00y", "\ud83d"]) expect(storableText(bad)).toBe(false);
    const parsed = chatRequestSchema.safeParse({
      message: { id: "m1", role: "user", parts: [{ type: "text", text: "\ud800" }] },
    });
    expect(parsed.success).toBe(false);
  });
});
