import { MAX_ERROR_MESSAGE_BYTES } from "@/lib/diagnose/schema";

export type LogFileResult = { ok: true; text: string } | { ok: false; message: string };

function kib(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KiB`;
}

/** Reads a dropped/chosen log file in the browser, refusing files the API would answer with 413. */
export async function readLogFile(file: Pick<File, "name" | "size" | "text">): Promise<LogFileResult> {
  if (file.size > MAX_ERROR_MESSAGE_BYTES) {
    return {
      ok: false,
      message: `${file.name} is ${kib(file.size)}; the limit is ${kib(MAX_ERROR_MESSAGE_BYTES)}. Paste the part around the failure instead (e.g. the last few hundred lines).`,
    };
  }
  const text = await file.text();
  if (text.trim() === "") return { ok: false, message: `${file.name} is empty.` };
  // Decoding can grow invalid bytes into 3-byte replacement characters.
  if (new TextEncoder().encode(text).byteLength > MAX_ERROR_MESSAGE_BYTES) {
    return {
      ok: false,
      message: `${file.name} is over ${kib(MAX_ERROR_MESSAGE_BYTES)} once decoded as text; paste the relevant part instead.`,
    };
  }
  return { ok: true, text };
}
