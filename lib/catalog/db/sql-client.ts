/**
 * The slice of PrismaClient the catalog uses. Catalog SQL is raw (jsonb paths, tsvector,
 * bulk jsonb_to_recordset writes), so any PrismaClient — or a transaction client — fits.
 */
export interface SqlExecutor {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

export interface CatalogDb extends SqlExecutor {
  $transaction<R>(
    fn: (tx: SqlExecutor) => Promise<R>,
    options?: { maxWait?: number; timeout?: number },
  ): Promise<R>;
}
