import { buildServer } from "./server.ts";

const port = Number(process.env.PORT ?? ${{ values.port | dump }});
const server = buildServer().listen(port, () => console.log(`listening on ${port}`));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
