import pg from "pg";

/** One statement on the server's maintenance database. */
export async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Drops a test database, letting sessions that are closing finish first: pools resolve end()
 * before their sockets close, and FORCE would kill such a session, whose client then emits an
 * uncaught 57P01 that fails the whole run. Without FORCE, Postgres waits up to 5 s for them;
 * only sessions that never close are forced.
 */
export async function dropTestDatabase(serverUrl: string, name: string): Promise<void> {
  try {
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}"`);
  } catch (error) {
    if ((error as { code?: string }).code !== "55006") throw error; // object_in_use
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}
