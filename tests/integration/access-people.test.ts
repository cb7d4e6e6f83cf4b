import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as auditLog } from "@/app/api/audit-log/route";
import { DELETE as deleteEntity } from "@/app/api/catalog/entities/by-uid/[uid]/route";
import { DELETE as deleteLocation } from "@/app/api/catalog/locations/[id]/route";
import { POST as refresh } from "@/app/api/catalog/refresh/route";
import { POST as register } from "@/app/api/catalog/register/route";
import { POST as chat } from "@/app/api/chat/route";
import {
  DELETE as deleteConversation,
  GET as getConversation,
  PATCH as renameConversation,
} from "@/app/api/conversations/[id]/route";
import { GET as listConversations } from "@/app/api/conversations/route";
import { GET as me } from "@/app/api/me/route";
import { ownedByHref, ownedByMyTeams } from "@/lib/access/my-teams";
import { resetRateLimiterStoreForTests } from "@/lib/access/rate-limit";
import { clearOwnershipCache } from "@/lib/access/teams";
import { readUiMessageResponse } from "@/lib/chat/sse";
import { getDb } from "@/lib/db/client";
import { issuePeopleTokens, person } from "../support/access-person";
import { type AppEnvironment, startAppEnvironment } from "../support/app-environment";

/** Ownership rules, private conversations, quotas and audit entries, through the route handlers. */

let env: AppEnvironment;
const holder = globalThis as { __porticoChatDeps?: unknown };

const tokens: Record<string, string> = {};

function req(method: string, path: string, who?: string, body?: unknown): Request {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-forwarded-for": "192.0.2.9",
  };
  if (who) headers.authorization = `Bearer ${tokens[who]}`;
  return new Request(`http://localhost:3000${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const p = <T>(params: T) => ({ params: Promise.resolve(params) });

const yaml = (...docs: string[]) => docs.join("\n---\n");
const group = (name: string) => `apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: ${name} }
spec: { type: team, children: [] }`;
const user = (name: string, team: string) => `apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: ${name} }
spec: { profile: { email: ${name}@example.com }, memberOf: [${team}] }`;
const component = (name: string, owner: string) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: ${name} }
spec: { type: service, lifecycle: production, owner: ${owner} }`;

async function registerYaml(text: string, who?: string, locationId?: string) {
  const res = await register(req("POST", "/api/catalog/register", who, { yaml: text, locationId }));
  return {
    status: res.status,
    body: (await res.json()) as { location: { id: string }; error?: { code: string } },
  };
}

async function uidOf(name: string): Promise<string> {
  const row = await getDb().catalogEntity.findFirstOrThrow({ where: { name } });
  return row.id;
}

let locationA = "";
let locationB = "";

beforeAll(async () => {
  env = await startAppEnvironment("access-people", { PORTICO_RATE_LIMIT_PER_MINUTE: "1000" });
  delete process.env.GOOGLE_GENERATIVE_AI_API_KEY;
  delete process.env.KUBECONFIG;
  delete process.env.KUBERNETES_SERVICE_HOST;
  holder.__porticoChatDeps = undefined;
  resetRateLimiterStoreForTests();
  clearOwnershipCache();
  const db = getDb();
  await issuePeopleTokens(db, tokens);
  // The people and teams, registered by the local admin (no credentials in local mode).
  expect(
    (
      await registerYaml(
        yaml(group("team-a"), group("team-b"), user("alice", "team-a"), user("bob", "team-b")),
      )
    ).status,
  ).toBe(201);
  locationA = (await registerYaml(yaml(component("svc-a", "team-a"), component("svc-a2", "team-a")))).body
    .location.id;
  locationB = (await registerYaml(yaml(component("svc-b", "team-b")))).body.location.id;
});

afterAll(async () => {
  holder.__porticoChatDeps = undefined;
  resetRateLimiterStoreForTests();
  await env?.stop();
});

describe("ownership (catalog.entity.delete / location refresh and delete)", () => {
  it("links a person to their User entity and teams by email", async () => {
    const res = await me(req("GET", "/api/me", "alice"));
    expect(await res.json()).toMatchObject({
      id: "user:alice",
      role: "member",
      teams: ["group:default/team-a"],
    });
    // "Owned by my teams" (home page and catalog): the team's entity count and its catalog filter.
    const mine = await ownedByMyTeams(getDb(), person("alice", "member"));
    expect(mine).toEqual([{ ref: "group:default/team-a", count: 2 }]);
    expect(ownedByHref(mine.map((t) => t.ref))).toBe("/catalog?owner=group%3Adefault%2Fteam-a");
    expect(await ownedByMyTeams(getDb(), person("vera", "viewer"))).toEqual([]);
  });

  it("lets only the owning team (or an admin) refresh a location", async () => {
    const denied = await refresh(
      req("POST", "/api/catalog/refresh", "bob", { entityRef: "component:default/svc-a" }),
    );
    expect(denied.status).toBe(403);
    expect(JSON.stringify(await denied.json())).toContain("team-a");
    expect(
      (await refresh(req("POST", "/api/catalog/refresh", "alice", { entityRef: "component:default/svc-a" })))
        .status,
    ).toBe(200);
    // Re-registering someone else's pasted location is a refresh too.
    const replace = await registerYaml(yaml(component("svc-b", "team-b")), "alice", locationB);
    expect(replace.status).toBe(403);
  });

  it("lets only the owner delete an orphaned entity", async () => {
    // Alice replaces her location's YAML without svc-a2, which orphans it.
    expect((await registerYaml(yaml(component("svc-a", "team-a")), "alice", locationA)).status).toBe(201);
    const uid = await uidOf("svc-a2");
    expect(
      (await deleteEntity(req("DELETE", `/api/catalog/entities/by-uid/${uid}`, "bob"), p({ uid }))).status,
    ).toBe(403);
    expect(
      (await deleteEntity(req("DELETE", `/api/catalog/entities/by-uid/${uid}`, "vera"), p({ uid }))).status,
    ).toBe(403);
    expect(
      (await deleteEntity(req("DELETE", `/api/catalog/entities/by-uid/${uid}`, "alice"), p({ uid }))).status,
    ).toBe(204);
  });

  it("lets only the owning team or an admin delete a location; viewers cannot register", async () => {
    const path = `/api/catalog/locations/${locationB}`;
    expect((await deleteLocation(req("DELETE", path, "alice"), p({ id: locationB }))).status).toBe(403);
    expect((await deleteLocation(req("DELETE", path, "bob"), p({ id: locationB }))).status).toBe(204);
    const viewer = await registerYaml(yaml(component("svc-v", "team-a")), "vera");
    expect(viewer.status).toBe(403);
    // A member may manage a location they registered themselves.
    const own = await registerYaml(yaml(component("svc-c", "team-a")), "bob");
    expect(own.status).toBe(201);
    const ownPath = `/api/catalog/locations/${own.body.location.id}`;
    expect(
      (await deleteLocation(req("DELETE", ownPath, "bob"), p({ id: own.body.location.id }))).status,
    ).toBe(204);
  });

  it("enforces the pasted-locations quota per principal", async () => {
    env.setEnv({ PORTICO_QUOTA_PASTED_LOCATIONS: "1" });
    try {
      expect((await registerYaml(yaml(component("q1", "team-b")), "bob")).status).toBe(201);
      const over = await registerYaml(yaml(component("q2", "team-b")), "bob");
      expect(over.status).toBe(403);
      expect(over.body.error?.code).toBe("quota_exceeded");
    } finally {
      env.setEnv({ PORTICO_QUOTA_PASTED_LOCATIONS: undefined });
    }
  });
});

describe("private conversations", () => {
  async function startChat(who: string, text: string, messageId = `m${Math.random().toString(36).slice(2)}`) {
    const res = await chat(
      req("POST", "/api/chat", who, {
        message: { id: messageId, role: "user", parts: [{ type: "text", text }] },
      }),
    );
    if (res.status !== 200) return { status: res.status, id: "" };
    await readUiMessageResponse(res);
    return { status: res.status, id: res.headers.get("x-conversation-id") ?? "" };
  }

  it("hides another principal's conversations: list, read, rename, delete and continue are 404", async () => {
    const mine = await startChat("alice", "alice's private question", "alice-msg-1");
    expect(mine.status).toBe(200);
    const list = (await (await listConversations(req("GET", "/api/conversations", "bob"))).json()) as {
      conversations: { id: string }[];
    };
    expect(list.conversations.map((c) => c.id)).not.toContain(mine.id);
    const aliceList = (await (await listConversations(req("GET", "/api/conversations", "alice"))).json()) as {
      conversations: { id: string }[];
    };
    expect(aliceList.conversations.map((c) => c.id)).toEqual([mine.id]);

    const path = `/api/conversations/${mine.id}`;
    expect((await getConversation(req("GET", path, "bob"), p({ id: mine.id }))).status).toBe(404);
    expect(
      (await renameConversation(req("PATCH", path, "bob", { title: "mine now" }), p({ id: mine.id }))).status,
    ).toBe(404);
    expect((await deleteConversation(req("DELETE", path, "bob"), p({ id: mine.id }))).status).toBe(404);
    const cont = await chat(
      req("POST", "/api/chat", "bob", {
        conversationId: mine.id,
        message: { id: "bob-msg-1", role: "user", parts: [{ type: "text", text: "hijack" }] },
      }),
    );
    expect(cont.status).toBe(404);

    // Reusing Alice's message id cannot overwrite her message.
    const reuse = await startChat("bob", "overwrite attempt", "alice-msg-1");
    expect(reuse.status).toBe(409);
    const still = await getConversation(req("GET", path, "alice"), p({ id: mine.id }));
    expect(JSON.stringify(await still.json())).toContain("alice's private question");
  });

  it("enforces the conversation quota per principal", async () => {
    env.setEnv({ PORTICO_QUOTA_CONVERSATIONS: "1" });
    try {
      expect((await startChat("vera", "first")).status).toBe(403); // viewers have no chat scope
      expect((await startChat("bob", "first of bob")).status).toBe(200);
      expect((await startChat("bob", "second of bob")).status).toBe(403);
    } finally {
      env.setEnv({ PORTICO_QUOTA_CONVERSATIONS: undefined });
    }
  });

  it("enforces the messages-per-conversation quota", async () => {
    env.setEnv({ PORTICO_QUOTA_MESSAGES_PER_CONVERSATION: "3" });
    try {
      const first = await startChat("alice", "a long thread"); // question + answer: 2 messages
      expect(first.status).toBe(200);
      const turn = (n: number) =>
        chat(
          req("POST", "/api/chat", "alice", {
            conversationId: first.id,
            message: {
              id: `thread-${first.id}-${n}`,
              role: "user",
              parts: [{ type: "text", text: `more ${n}` }],
            },
          }),
        );
      const second = await turn(2); // 2 < 3 stored: allowed, 4 after it
      expect(second.status).toBe(200);
      await readUiMessageResponse(second);
      const third = await turn(3);
      expect(third.status).toBe(403);
      expect(((await third.json()) as { error: { code: string } }).error.code).toBe("quota_exceeded");
    } finally {
      env.setEnv({ PORTICO_QUOTA_MESSAGES_PER_CONVERSATION: undefined });
    }
  });
});

describe("audit log", () => {
  it("records who registered, refreshed and deleted, filterable by actor and action, newest first", async () => {
    const res = await auditLog(req("GET", "/api/audit-log?limit=100"));
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as {
      items: { actor: string; action: string; target: string; outcome: string }[];
    };
    const seen = new Set(items.map((i) => `${i.actor} ${i.action}`));
    for (const expected of [
      "local:admin catalog.location.register",
      "user:alice catalog.entity.refresh",
      "user:alice catalog.location.register",
      "user:alice catalog.entity.delete",
      "user:bob catalog.location.delete",
    ]) {
      expect(seen, expected).toContain(expected);
    }
    const bob = (await (
      await auditLog(req("GET", "/api/audit-log?actor=user:bob&action=catalog.location.delete"))
    ).json()) as {
      items: { target: string }[];
    };
    expect(bob.items.map((i) => i.target)).toContain(locationB);
    const page = (await (await auditLog(req("GET", "/api/audit-log?limit=2"))).json()) as {
      items: { id: string }[];
      nextCursor: string;
    };
    expect(page.items).toHaveLength(2);
    const next = (await (
      await auditLog(req("GET", `/api/audit-log?limit=2&cursor=${page.nextCursor}`))
    ).json()) as {
      items: { id: string }[];
    };
    expect(BigInt(next.items[0].id)).toBeLessThan(BigInt(page.items[1].id));
    expect((await auditLog(req("GET", "/api/audit-log", "alice"))).status).toBe(403);
  });
});
