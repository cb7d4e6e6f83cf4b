"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { eventStreamUrl } from "./api";
import type { TaskEvent } from "./types";

const EVENT_TYPES = ["log", "completion", "cancelled", "recovered", "retry"] as const;

/**
 * Follows `GET v2/tasks/:id/eventstream` and keeps every event once. When the stream drops, it reconnects
 * with `?after=<last event id>` so nothing is missed or repeated; `restart()` reopens it after a retry.
 */
export function useTaskEvents(taskId: string) {
  const [events, setEvents] = useState<TaskEvent[]>([]);
  const [connected, setConnected] = useState(false);
  const [generation, setGeneration] = useState(0);
  const lastId = useRef<number | string | undefined>(undefined);
  const seen = useRef(new Set<string>());

  // biome-ignore lint/correctness/useExhaustiveDependencies: generation reopens the stream on purpose.
  useEffect(() => {
    let source: EventSource | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let delay = 500;
    const open = () => {
      if (stopped) return;
      source = new EventSource(eventStreamUrl(taskId, lastId.current));
      source.onopen = () => {
        setConnected(true);
        delay = 500;
      };
      const onEvent = (e: MessageEvent) => {
        let event: TaskEvent;
        try {
          event = JSON.parse(e.data) as TaskEvent;
        } catch {
          return;
        }
        const key = String(event.id);
        if (seen.current.has(key)) return;
        seen.current.add(key);
        lastId.current = event.id;
        setEvents((list) => [...list, event]);
        // The server ends the stream after a final event; closing here stops EventSource's own reconnect loop.
        if (event.type === "completion" || event.type === "cancelled") {
          source?.close();
          setConnected(false);
        }
      };
      source.onmessage = onEvent;
      for (const type of EVENT_TYPES) source.addEventListener(type, onEvent as EventListener);
      source.onerror = () => {
        source?.close();
        setConnected(false);
        if (stopped) return;
        timer = setTimeout(open, delay);
        delay = Math.min(delay * 2, 10_000);
      };
    };
    open();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      source?.close();
    };
  }, [taskId, generation]);

  const restart = useCallback(() => setGeneration((g) => g + 1), []);
  return { events, connected, restart };
}
