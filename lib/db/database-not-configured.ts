/** No DATABASE_URL: a domain error; the route layer (lib/http/with-route) answers it with 503. */
export class DatabaseNotConfiguredError extends Error {
  constructor() {
    super("No database configured: set DATABASE_URL or start Portico with `npm start`");
    this.name = "DatabaseNotConfiguredError";
  }
}
