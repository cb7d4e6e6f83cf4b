import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import type { Logger } from "@/lib/log/logger";
import { clientIp } from "./client-ip";
import type { Principal } from "./principal";

/** The actions the audit log records (see README, Organisation setup). */
export type AuditAction =
  | "catalog.location.register"
  | "catalog.location.delete"
  | "catalog.entity.refresh"
  | "catalog.entity.delete"
  | "scaffolder.task.create"
  | "scaffolder.task.cancel"
  | "scaffolder.task.retry"
  | "token.create"
  | "token.revoke"
  | "role.change"
  | "auth.sign-in"
  | "auth.sign-in-failed"
  | "auth.sign-out";

export interface AuditInput {
  action: AuditAction;
  target?: string | null;
  outcome?: "success" | "failure" | "denied";
  ip?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditActor {
  id: string;
  name: string;
}

export const actorOf = (p: Principal | null): AuditActor =>
  p ? { id: p.id, name: p.name } : { id: "anonymous", name: "anonymous" };

/**
 * Appends one entry. An audit write that fails is logged, not thrown: the action
 * it records has already happened, and failing the response would invite a retry.
 */
export async function recordAudit(db: Db, actor: AuditActor, input: AuditInput, log?: Pick<Logger, "error">) {
  try {
    await db.auditEvent.create({
      data: {
        actor: actor.id,
        actorName: actor.name.slice(0, 200),
        action: input.action,
        target: input.target?.slice(0, 500) ?? null,
        outcome: input.outcome ?? "success",
        ip: input.ip ?? null,
        details: input.details
          ? (JSON.parse(JSON.stringify(input.details)) as Prisma.InputJsonValue)
          : Prisma.DbNull,
      },
    });
  } catch (error) {
    log?.error({ err: error, action: input.action }, "audit write failed");
  }
}

/** One entry for an action a route performed for `principal`, from the request's client address. */
export async function auditRequest(
  db: Db,
  req: Request,
  principal: Principal,
  input: Omit<AuditInput, "ip">,
  log?: Pick<Logger, "error">,
): Promise<void> {
  await recordAudit(db, actorOf(principal), { ...input, ip: clientIp(req.headers) }, log);
}

export interface AuditQuery {
  limit: number;
  cursor?: string;
  actor?: string;
  action?: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  actorName: string;
  action: string;
  target: string | null;
  outcome: string;
  ip: string | null;
  details: unknown;
}

/** Newest first; the cursor is the id of the last entry of the previous page. */
export async function listAudit(
  db: Db,
  q: AuditQuery,
): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  const rows = await db.auditEvent.findMany({
    where: {
      ...(q.actor
        ? { OR: [{ actor: q.actor }, { actorName: { contains: q.actor, mode: "insensitive" } }] }
        : {}),
      ...(q.action ? { action: { startsWith: q.action } } : {}),
      ...(q.cursor ? { id: { lt: BigInt(q.cursor) } } : {}),
    },
    orderBy: { id: "desc" },
    take: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((r) => ({
      id: r.id.toString(),
      at: r.at.toISOString(),
      actor: r.actor,
      actorName: r.actorName,
      action: r.action,
      target: r.target,
      outcome: r.outcome,
      ip: r.ip,
      details: r.details,
    })),
    nextCursor: rows.length > q.limit ? page[page.length - 1].id.toString() : null,
  };
}
