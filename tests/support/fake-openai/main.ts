import { startFakeOpenAi } from "./server";

/**
 * `tsx tests/support/fake-openai/main.ts --port 4810`: runs the fake
 * OpenAI-compatible server until killed and prints `{ url, port }` as one JSON
 * line once it listens (tests/e2e/support/start-fake-openai.mjs waits for it).
 */
const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
};

void startFakeOpenAi({ port: Number(arg("port") ?? 0), apiKey: arg("api-key") }).then((server) => {
  console.log(JSON.stringify({ url: server.url, port: server.port }));
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.on(sig, () => {
      void server.close().then(() => process.exit(0));
    });
  }
});
