import type { DiagnoseRequest, DiagnoseResponse } from "@/lib/diagnose/schema";

/** POST /api/diagnose; non-2xx becomes an Error with the API's message (which names the bad field). */
export async function postDiagnose(input: DiagnoseRequest, signal?: AbortSignal): Promise<DiagnoseResponse> {
  const res = await fetch("/api/diagnose", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(input),
    signal,
  });
  const body = (await res.json().catch(() => null)) as
    | (DiagnoseResponse & { error?: { message?: string } })
    | null;
  if (!res.ok) throw new Error(body?.error?.message ?? `Diagnosis failed with HTTP ${res.status}`);
  if (!body) throw new Error("The server answered with an empty body");
  return body;
}
