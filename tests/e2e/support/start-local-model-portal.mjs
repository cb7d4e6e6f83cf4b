// The e2e portal with a local model: a loopback fake OpenAI-compatible server
// (tests/support/fake-openai) and the usual launcher (start-portal.mjs) pointed at it
// through PORTICO_AI_BASE_URL / PORTICO_AI_MODEL, as an operator would run Ollama.
import { spawn } from "node:child_process";
import path from "node:path";
import { startFakeOpenAi } from "./start-fake-openai.mjs";

const root = path.resolve(import.meta.dirname, "..", "..", "..");
const fake = await startFakeOpenAi({ root, port: Number(process.env.E2E_OPENAI_PORT ?? 3192) });
console.log(`[e2e] fake OpenAI-compatible server at ${fake.url}`);

const child = spawn(process.execPath, [path.join(root, "tests/e2e/support/start-portal.mjs")], {
  cwd: root,
  env: { ...process.env, PORTICO_AI_BASE_URL: fake.url, PORTICO_AI_MODEL: "fake-model" },
  stdio: "inherit",
});
const stopFake = () => {
  if (fake.child.exitCode === null) fake.child.kill("SIGTERM");
};
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    child.kill(sig);
    stopFake();
  });
}
child.on("exit", (code) => {
  stopFake();
  process.exit(code ?? 0);
});
