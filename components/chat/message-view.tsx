import type { ChatUIMessage } from "@/lib/chat/types";
import { Markdown } from "./markdown";
import { isToolPart, ToolPartView } from "./tool-part";

export function MessageView({ message }: { message: ChatUIMessage }) {
  const isUser = message.role === "user";
  return (
    <li
      data-testid={`message-${message.role}`}
      className={`flex ${isUser ? "justify-end" : "justify-start"}`}
    >
      <div
        className={
          isUser
            ? "max-w-[85%] rounded-2xl rounded-br-sm bg-brand-600 px-4 py-2 text-sm whitespace-pre-wrap break-words text-white"
            : "w-full max-w-full min-w-0 text-sm leading-relaxed sm:max-w-[92%]"
        }
      >
        <span className="sr-only">{isUser ? "You said:" : "Assistant:"}</span>
        {message.parts.map((part, i) => {
          const key = `${message.id}-${i}`;
          if (part.type === "text") {
            return isUser ? <span key={key}>{part.text}</span> : <Markdown key={key} text={part.text} />;
          }
          if (isToolPart(part)) return <ToolPartView key={key} part={part} />;
          return null;
        })}
        {message.metadata?.interrupted && (
          <p className="mt-1 text-xs text-amber-700 dark:text-amber-400">
            {message.metadata.interrupted === "stopped"
              ? "Stopped before the answer finished."
              : (message.metadata.errorText ?? "The answer was cut short by an error.")}
          </p>
        )}
      </div>
    </li>
  );
}
