export class TimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(`${what} did not answer within ${ms} ms`);
    this.name = "TimeoutError";
  }
}

/**
 * Rejects with TimeoutError when `promise` has not settled within `ms`. The timer is cleared
 * either way, and a late rejection of the abandoned promise is swallowed rather than left
 * unhandled (it would crash the process or pollute the logs).
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, what = "dependency"): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(what, ms)), ms);
  });
  promise.catch(() => undefined);
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
