import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import type { ChatUIMessage, ConversationSummary, ConversationWithMessages } from "./types";

/**
 * Conversation persistence. Messages are stored as whole UI messages (parts as
 * JSON) in conversation order, so a reload replays tool cards exactly.
 * Conversations are private: every read and write names the owner (the
 * principal id from lib/access), and another owner's conversation is simply
 * not found.
 */

type Tx = Prisma.TransactionClient;

interface ConversationRow {
  id: string;
  title: string;
  createdAt: Date;
  updatedAt: Date;
}

function summary(row: ConversationRow): ConversationSummary {
  return {
    id: row.id,
    title: row.title,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toUiMessage(row: { id: string; role: string; parts: unknown; metadata: unknown }): ChatUIMessage {
  return {
    id: row.id,
    role: row.role as ChatUIMessage["role"],
    parts: (row.parts ?? []) as ChatUIMessage["parts"],
    ...(row.metadata ? { metadata: row.metadata as ChatUIMessage["metadata"] } : {}),
  };
}

// A JSON round trip drops undefined fields (which Prisma's Json input rejects).
function json(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value ?? null));
}

function columns(message: ChatUIMessage) {
  return {
    parts: json(message.parts),
    metadata: message.metadata ? json(message.metadata) : Prisma.DbNull,
  };
}

export async function createConversation(db: Db, input: { title: string; userId: string }) {
  const row = await db.conversation.create({ data: { title: input.title, userId: input.userId } });
  return summary(row);
}

/** A new conversation and its first message in one statement (the hot path of a first question). */
export async function createConversationWithMessage(
  db: Db,
  input: { title: string; userId: string },
  message: ChatUIMessage,
): Promise<ConversationSummary> {
  const row = await db.conversation.create({
    data: {
      title: input.title,
      userId: input.userId,
      messages: { create: { id: message.id, role: message.role, ordering: 0, ...columns(message) } },
    },
  });
  return summary(row);
}

export async function findConversation(
  db: Db,
  id: string,
  owner: string,
): Promise<ConversationSummary | null> {
  const row = await db.conversation.findFirst({ where: { id, userId: owner } });
  return row ? summary(row) : null;
}

export async function listConversations(
  db: Db,
  opts: { limit: number; userId: string },
): Promise<ConversationSummary[]> {
  const rows = await db.conversation.findMany({
    where: { userId: opts.userId },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: opts.limit,
  });
  return rows.map(summary);
}

export async function getConversationWithMessages(
  db: Db,
  id: string,
  owner: string,
): Promise<ConversationWithMessages | null> {
  const row = await db.conversation.findFirst({
    where: { id, userId: owner },
    include: { messages: { orderBy: { ordering: "asc" } } },
  });
  if (!row) return null;
  return { ...summary(row), messages: row.messages.map(toUiMessage) };
}

export async function loadMessages(db: Db, conversationId: string): Promise<ChatUIMessage[]> {
  const rows = await db.message.findMany({ where: { conversationId }, orderBy: { ordering: "asc" } });
  return rows.map(toUiMessage);
}

export async function renameConversation(
  db: Db,
  id: string,
  title: string,
  owner: string,
): Promise<ConversationSummary | null> {
  const res = await db.conversation.updateMany({ where: { id, userId: owner }, data: { title } });
  if (res.count === 0) return null;
  return findConversation(db, id, owner);
}

export async function deleteConversation(db: Db, id: string, owner: string): Promise<boolean> {
  const res = await db.conversation.deleteMany({ where: { id, userId: owner } });
  return res.count > 0;
}

export class MessageOwnershipError extends Error {
  constructor(readonly messageId: string) {
    super(`message ${messageId} belongs to another conversation`);
    this.name = "MessageOwnershipError";
  }
}

async function nextOrdering(tx: Tx, conversationId: string): Promise<number> {
  const agg = await tx.message.aggregate({ where: { conversationId }, _max: { ordering: true } });
  return (agg._max.ordering ?? -1) + 1;
}

/**
 * Inserts a message at the end of the conversation, or updates it in place when
 * the same id is saved again. `dropLater` removes everything after an updated
 * message (a resent or regenerated user turn replaces the old answer).
 */
async function upsertMessage(
  db: Db,
  conversationId: string,
  message: ChatUIMessage,
  options: { dropLater: boolean },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const existing = await tx.message.findUnique({ where: { id: message.id } });
    if (existing && existing.conversationId !== conversationId) throw new MessageOwnershipError(message.id);
    if (existing) {
      await tx.message.update({ where: { id: message.id }, data: columns(message) });
      if (options.dropLater) {
        await tx.message.deleteMany({ where: { conversationId, ordering: { gt: existing.ordering } } });
      }
    } else {
      await tx.message.create({
        data: {
          id: message.id,
          conversationId,
          role: message.role,
          ...columns(message),
          ordering: await nextOrdering(tx, conversationId),
        },
      });
    }
    await tx.conversation.update({ where: { id: conversationId }, data: { updatedAt: new Date() } });
  });
}

/**
 * Saves (or replaces) a user message and drops everything after it: a resent
 * or regenerated turn replaces the old answer instead of appending a second one.
 */
export function saveUserTurn(db: Db, conversationId: string, message: ChatUIMessage): Promise<void> {
  return upsertMessage(db, conversationId, message, { dropLater: true });
}

/** Appends the assistant's reply (or updates it when the same id is saved twice). */
export function saveAssistantMessage(db: Db, conversationId: string, message: ChatUIMessage): Promise<void> {
  return upsertMessage(db, conversationId, message, { dropLater: false });
}

export async function countConversations(db: Db, owner: string): Promise<number> {
  return db.conversation.count({ where: { userId: owner } });
}

export async function countMessages(db: Db, conversationId: string): Promise<number> {
  return db.message.count({ where: { conversationId } });
}
