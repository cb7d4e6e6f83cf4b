import type { Db } from "@/lib/db/client";
import { forbidden } from "./errors";
import type { Principal } from "./principal";
import { isRole, ROLE_SCOPES, type Role, type Scope, scopesForRole } from "./scopes";
import { generateTokenSecret, hashTokenSecret, tokenDisplayPrefix } from "./token-secret";

export interface CreateTokenInput {
  name: string;
  scopes: Scope[];
  expiresInDays?: number;
  rateLimitPerMinute?: number;
  service?: boolean;
}

export interface TokenSummary {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  service: boolean;
  createdBy: string;
  createdByName: string;
  rateLimitPerMinute: number | null;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  service: boolean;
  createdBy: string;
  createdByName: string;
  rateLimitPerMinute: number | null;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

function summary(row: TokenRow): TokenSummary {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    service: row.service,
    createdBy: row.createdBy,
    createdByName: row.createdByName,
    rateLimitPerMinute: row.rateLimitPerMinute,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

/**
 * A principal can only hand out what it has: a member cannot mint an admin token,
 * and a service token (its own principal, no person behind it) needs admin.
 */
export async function createApiToken(db: Db, creator: Principal, input: CreateTokenInput) {
  const missing = input.scopes.filter((s) => !creator.scopes.has(s) && !creator.scopes.has("admin"));
  if (missing.length) {
    throw forbidden(`scopes: you cannot grant ${missing.join(", ")}`, {
      fields: [{ field: "scopes", message: `not held by you: ${missing.join(", ")}` }],
    });
  }
  if (input.service && creator.role !== "admin") {
    throw forbidden("service: only admins can create service tokens", {
      fields: [{ field: "service", message: "requires the admin role" }],
    });
  }
  const secret = generateTokenSecret();
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  const row = await db.apiToken.create({
    data: {
      name: input.name,
      tokenHash: hashTokenSecret(secret),
      prefix: tokenDisplayPrefix(secret),
      scopes: [...new Set(input.scopes)],
      createdBy: creator.id,
      createdByName: creator.name,
      ownerEmail: creator.email,
      ownerRole: creator.role,
      service: input.service ?? false,
      rateLimitPerMinute: input.rateLimitPerMinute ?? null,
      expiresAt,
    },
  });
  return {
    id: row.id,
    token: secret,
    name: row.name,
    scopes: row.scopes,
    expiresAt: expiresAt?.toISOString() ?? null,
  };
}

/** Admins see every token; others see the tokens they created. Never the secret or its hash. */
export async function listApiTokens(db: Db, viewer: Principal): Promise<TokenSummary[]> {
  const rows = await db.apiToken.findMany({
    where: { revokedAt: null, ...(viewer.role === "admin" ? {} : { createdBy: viewer.id }) },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 500,
  });
  return rows.map(summary);
}

/** Revocation is a row update; every replica reads the row on every request, so it is immediate. */
export async function revokeApiToken(db: Db, viewer: Principal, id: string): Promise<TokenSummary | null> {
  const where = { id, revokedAt: null, ...(viewer.role === "admin" ? {} : { createdBy: viewer.id }) };
  const row = await db.apiToken.findFirst({ where });
  if (!row) return null;
  await db.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
  return summary(row);
}

// last_used_at is informational: writing it at most once a minute keeps reads cheap.
const LAST_USED_WRITE_INTERVAL_MS = 60_000;

/** The principal a bearer secret stands for, or null when it is unknown, expired or revoked. */
export async function principalForTokenSecret(db: Db, secret: string): Promise<Principal | null> {
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashTokenSecret(secret) } });
  if (!row || row.revokedAt) return null;
  const now = Date.now();
  if (row.expiresAt && row.expiresAt.getTime() <= now) return null;
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_WRITE_INTERVAL_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } }).catch(() => {});
  }
  const scopes = row.scopes.filter((s): s is Scope => ROLE_SCOPES.admin.has(s as Scope));
  if (row.service) {
    const role: Role = scopes.includes("admin") ? "admin" : "member";
    return {
      id: `service:${row.id}`,
      kind: "service",
      name: row.name,
      email: null,
      role,
      scopes: new Set(scopes),
      via: "token",
      tokenId: row.id,
      idpGroups: [],
      rateLimitPerMinute: row.rateLimitPerMinute,
      rateLimited: true,
    };
  }
  // A person's token follows the person's current role (refreshed at each sign-in), so a demotion applies.
  const person = row.createdBy.startsWith("user:")
    ? await db.authUser.findUnique({ where: { id: row.createdBy.slice(5) }, select: { role: true } })
    : null;
  const current = person?.role ?? row.ownerRole;
  const role: Role = isRole(current) ? current : "viewer";
  return {
    id: row.createdBy,
    kind: row.createdBy.startsWith("user:") ? "user" : row.createdBy === "local:admin" ? "local" : "service",
    name: row.createdByName,
    email: row.ownerEmail,
    role,
    scopes: scopesForRole(role, scopes),
    via: "token",
    tokenId: row.id,
    idpGroups: [],
    rateLimitPerMinute: row.rateLimitPerMinute,
    rateLimited: true,
  };
}
