import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";

/** A pull-based source of response bytes: complete entity bodies joined by commas, no leading comma. */
export interface ByteSource {
  /** The next chunk, or null when done. */
  next(): Promise<Uint8Array | null>;
  /** The reader went away: stop reading and give the connection back. */
  cancel(): void;
}

/** Bytes handed to the response at once: fewer, larger writes than PostgreSQL's one message per row. */
const CHUNK_BYTES = 256 * 1024;
/** PGCOPY signature (11 bytes) + flags (4) + header extension length (4). */
const HEADER_BYTES = 19;

/**
 * Every stored body (catalog_final_entities) in ref order, after `offset` of them, read with
 * one `COPY … TO STDOUT (FORMAT binary)`: each row arrives as its raw UTF-8 bytes with a length,
 * so they are copied into the response without becoming JS strings. Against reading rows (pg
 * decodes every text value into a string, which is then encoded again) it is 2–3× faster at
 * 10k–100k entities, and it allocates no per-row objects for the GC. Memory stays a chunk or two:
 * the copy stream is read only as fast as the response is. The connection is held until the
 * last row and destroyed, not reused, if the reader leaves mid-copy.
 */
export async function copyEntityBodies(pool: pg.Pool, offset: number): Promise<ByteSource> {
  const skip = Number.isSafeInteger(offset) && offset > 0 ? ` OFFSET ${offset}` : "";
  const client = await pool.connect();
  let released = false;
  const release = (broken: boolean) => {
    if (released) return;
    released = true;
    client.release(broken ? new Error("unpaged entity copy ended early") : undefined);
  };
  const stream = client.query(
    copyTo(`COPY (SELECT body FROM catalog_final_entities ORDER BY ref${skip}) TO STDOUT (FORMAT binary)`),
  );
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let carry: Buffer | undefined;
  let headerSeen = false;
  let ended = false;

  /** Appends the complete rows of `data` to `out`; returns the bytes of an incomplete last row. */
  const parse = (data: Buffer, out: Buffer[]): Buffer | undefined => {
    let at = 0;
    if (!headerSeen) {
      if (data.length < HEADER_BYTES) return data;
      const extension = data.readUInt32BE(15);
      if (data.length < HEADER_BYTES + extension) return data;
      at = HEADER_BYTES + extension;
      headerSeen = true;
    }
    while (data.length - at >= 2) {
      const fields = data.readInt16BE(at);
      if (fields === -1) {
        ended = true;
        return undefined;
      }
      if (data.length - at < 6) break;
      const length = data.readInt32BE(at + 2);
      if (data.length - at < 6 + length) break;
      out.push(data.subarray(at + 6, at + 6 + length));
      at += 6 + length;
    }
    return at < data.length ? data.subarray(at) : undefined;
  };

  return {
    async next() {
      const bodies: Buffer[] = [];
      let bytes = 0;
      try {
        while (!ended && bytes < CHUNK_BYTES) {
          const { value, done } = await chunks.next();
          if (done) break;
          const before = bodies.length;
          carry = parse(carry ? Buffer.concat([carry, value]) : value, bodies);
          for (let i = before; i < bodies.length; i++) bytes += bodies[i].length + 1;
        }
      } catch (error) {
        release(true);
        throw error;
      }
      if (bodies.length === 0) {
        if (!ended) {
          release(true);
          throw new Error("the entity copy ended without its trailer");
        }
        // The trailer is in; read the stream to its end so the connection is idle when it goes back.
        try {
          while (!(await chunks.next()).done);
        } catch (error) {
          release(true);
          throw error;
        }
        release(false);
        return null;
      }
      // One buffer: the bodies (views into the chunks) joined by commas.
      const out = Buffer.allocUnsafe(bytes - 1);
      let at = 0;
      for (const body of bodies) {
        if (at > 0) out[at++] = 0x2c;
        at += body.copy(out, at);
      }
      return out;
    },
    cancel() {
      stream.destroy();
      release(true);
    },
  };
}
