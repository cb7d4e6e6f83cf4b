import { describe, expect, it } from "vitest";
import { parsePendingMigrations, summarizeCliFailure } from "./migrate";

describe("parsePendingMigrations", () => {
  it("reads only the list right after the heading", () => {
    const block =
      "\n20261126220000_catalog\n20261126230000_chat\n\nThe migrations from the database are not found locally:\n20261126220014_init\n";
    expect(parsePendingMigrations(block)).toEqual(["20261126220000_catalog", "20261126230000_chat"]);
  });
});

describe("summarizeCliFailure", () => {
  it("drops the CLI banner lines and keeps the error", () => {
    const text = summarizeCliFailure({
      exitCode: 1,
      stdout: "Loaded Prisma config from prisma.config.ts.\nPrisma schema loaded from prisma/schema.\n",
      stderr: "Error: P1001: connect ECONNREFUSED\n",
    });
    expect(text).toBe("Error: P1001: connect ECONNREFUSED");
  });
});
