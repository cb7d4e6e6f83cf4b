import {
  convertToModelMessages,
  createUIMessageStream,
  createUIMessageStreamResponse,
  generateId,
  type InferUIMessageChunk,
  type LanguageModel,
  stepCountIs,
  streamText,
} from "ai";
import type { Db } from "@/lib/db/client";
import { ApiError, conflict, notFound } from "@/lib/http/api-error";
import { summarizeError } from "@/lib/log/error-summary";
import type { Logger } from "@/lib/log/logger";
import { recordLlmUsage } from "@/lib/metrics/record";
import { previousTurn } from "./offline/conversation-context";
import { writeOfflineReply } from "./offline/offline-reply";
import { type ChatRequest, checkMessageText, titleFromText } from "./request";
import {
  countConversations,
  countMessages,
  createConversationWithMessage,
  findConversation,
  loadMessages,
  MessageOwnershipError,
  saveAssistantMessage,
  saveUserTurn,
} from "./store";
import { SYSTEM_PROMPT } from "./system-prompt";
import { type ChatToolDeps, createChatTools, createToolRunners } from "./tools";
import type { ChatMessageMetadata, ChatUIMessage, ConversationSummary } from "./types";

export interface ChatHandlerDeps {
  db: Db;
  /** The principal asking (lib/access): conversations are private to it. */
  owner: string;
  /** Stored-data quotas per principal (PORTICO_QUOTA_*). */
  quotas?: { conversations: number; messagesPerConversation: number };
  /** null selects offline mode: deterministic tool routing, same stream protocol. */
  model: LanguageModel | null;
  tools: ChatToolDeps;
  /** Secret redaction applied to everything that can reach the model. */
  redact: (text: string) => string;
  log?: Pick<Logger, "warn" | "error">;
  /** Total budget for one model answer (all tool steps). */
  timeoutMs?: number;
  /** Most recent messages sent to the model; older turns stay in the database only. */
  historyLimit?: number;
  maxSteps?: number;
}

// A client reusing a message id from another conversation when starting a new one.
function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

function quotaExceeded(quota: string, limit: number): ApiError {
  return new ApiError(
    403,
    "quota_exceeded",
    `Quota reached: at most ${limit} ${quota.replaceAll("_", " ")}; delete old conversations`,
    {
      quota,
      limit,
    },
  );
}

function errorText(error: unknown, redact: (t: string) => string): string {
  const message = error instanceof Error ? error.message : String(error);
  return `The assistant stopped because of an error: ${redact(message).slice(0, 500)}`;
}

/**
 * POST /api/chat after body parsing: resolves or creates the conversation,
 * saves the user turn, then streams the answer (model or offline) as a UI
 * message stream and saves the assistant message when the stream ends —
 * including partial answers cut short by an error or a stop.
 */
export async function handleChat(
  request: ChatRequest,
  deps: ChatHandlerDeps,
  signal?: AbortSignal,
): Promise<Response> {
  const text = checkMessageText(request);
  const { db, redact } = deps;

  const userMessage: ChatUIMessage = {
    id: request.message.id,
    role: "user",
    // Stored redacted: chat history must not become a second home for pasted secrets.
    parts: request.message.parts.map((p) => ({ type: "text" as const, text: redact(p.text) })),
    metadata: { createdAt: new Date().toISOString() },
  };

  let conversation: ConversationSummary;
  let history: ChatUIMessage[];
  try {
    if (request.conversationId) {
      const found = await findConversation(db, request.conversationId, deps.owner);
      if (!found) {
        throw notFound(`conversationId: no conversation ${request.conversationId}`, {
          fields: [{ field: "conversationId", message: "unknown conversation" }],
        });
      }
      conversation = found;
      if (deps.quotas && (await countMessages(db, found.id)) >= deps.quotas.messagesPerConversation) {
        throw quotaExceeded("messages_per_conversation", deps.quotas.messagesPerConversation);
      }
      await saveUserTurn(db, conversation.id, userMessage);
      history = await loadMessages(db, conversation.id);
    } else {
      if (deps.quotas && (await countConversations(db, deps.owner)) >= deps.quotas.conversations) {
        throw quotaExceeded("conversations", deps.quotas.conversations);
      }
      conversation = await createConversationWithMessage(
        db,
        { title: titleFromText(text, redact), userId: deps.owner },
        userMessage,
      );
      history = [userMessage];
    }
  } catch (error) {
    if (error instanceof MessageOwnershipError || isUniqueViolation(error)) {
      throw conflict(`message.id: ${request.message.id} is already used by another conversation`, {
        fields: [{ field: "message.id", message: "already used" }],
      });
    }
    throw error;
  }
  const created = !request.conversationId;
  const conversationId = conversation.id;

  const runners = createToolRunners(deps.tools, redact);
  const mode: ChatMessageMetadata["mode"] = deps.model ? "model" : "offline";
  const assistantId = generateId();
  const startedAt = new Date().toISOString();
  // Model errors arrive as `error` chunks (the stream itself completes), so note them for the saved message.
  let streamError: string | null = null;

  const stream = createUIMessageStream<ChatUIMessage>({
    originalMessages: history,
    generateId: () => assistantId,
    onError: (error) => errorText(error, redact),
    execute: async ({ writer }) => {
      writer.write({
        type: "start",
        messageId: assistantId,
        messageMetadata: { mode, createdAt: startedAt },
      });
      if (created) {
        writer.write({
          type: "data-conversation",
          data: { id: conversationId, title: conversation.title },
          transient: true,
        });
      }
      if (!deps.model) {
        const catalogNames = deps.tools.catalogNames?.bind(deps.tools);
        await writeOfflineReply(
          writer,
          userMessage.parts.map((p) => (p.type === "text" ? p.text : "")).join("\n"),
          runners,
          { previous: previousTurn(history), catalogNames },
        );
        writer.write({ type: "finish", finishReason: "stop" });
        return;
      }
      const tools = createChatTools(runners);
      const recent = history.slice(-(deps.historyLimit ?? 40));
      const result = streamText({
        model: deps.model,
        system: SYSTEM_PROMPT,
        messages: await convertToModelMessages(recent, { tools, ignoreIncompleteToolCalls: true }),
        tools,
        stopWhen: stepCountIs(deps.maxSteps ?? 5),
        abortSignal: signal,
        timeout: deps.timeoutMs ? { totalMs: deps.timeoutMs } : undefined,
        onError: ({ error }) =>
          deps.log?.warn({ error: summarizeError(error), conversationId }, "chat model stream failed"),
        onFinish: ({ totalUsage }) => recordLlmUsage("chat", totalUsage),
      });
      const chunks = result.toUIMessageStream({
        sendStart: false,
        onError: (error) => errorText(error, redact),
      });
      writer.merge(
        chunks.pipeThrough(
          new TransformStream<InferUIMessageChunk<ChatUIMessage>, InferUIMessageChunk<ChatUIMessage>>({
            transform(chunk, controller) {
              if (chunk.type === "error") streamError = chunk.errorText;
              controller.enqueue(chunk);
            },
          }),
        ),
      );
    },
    onFinish: async ({ responseMessage, outcome, isAborted }) => {
      const parts = responseMessage.parts.filter((p) => p.type !== "step-start");
      if (parts.length === 0 && outcome.status === "completed") return;
      const metadata: ChatMessageMetadata = {
        ...(responseMessage.metadata ?? {}),
        mode,
        createdAt: startedAt,
      };
      if (outcome.status === "failed" || streamError) {
        metadata.interrupted = "error";
        metadata.errorText =
          streamError ?? errorText(outcome.status === "failed" ? outcome.error : null, redact);
      } else if (isAborted) {
        metadata.interrupted = "stopped";
      }
      try {
        await saveAssistantMessage(db, conversationId, { ...responseMessage, id: assistantId, metadata });
      } catch (error) {
        deps.log?.error({ error: summarizeError(error), conversationId }, "failed to save assistant message");
      }
    },
  });

  return createUIMessageStreamResponse({
    stream,
    headers: { "X-Conversation-Id": conversationId, "Cache-Control": "no-store" },
  });
}
