import { fetchJson } from "@/components/k8s/fetch-json";
import type { RunbookListResponse } from "@/lib/runbooks/api-schema";

export const runbookKeys = {
  list: (q: string) => ["runbooks", "list", q] as const,
};

export function fetchRunbooks(q: string, signal?: AbortSignal): Promise<RunbookListResponse> {
  const params = q ? `?${new URLSearchParams({ q }).toString()}` : "";
  return fetchJson<RunbookListResponse>(`/api/runbooks${params}`, signal);
}
