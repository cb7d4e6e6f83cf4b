import type { NextConfig } from "next";

// Standalone output keeps the runtime image small (see Dockerfile).
const config: NextConfig = { output: "standalone" };

export default config;
