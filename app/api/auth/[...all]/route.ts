import { handleAuthRequest } from "@/lib/access/oidc/handle-auth-request";
import { withRoute } from "@/lib/http";

export const dynamic = "force-dynamic";

/** Better Auth's endpoints (sign-in, OIDC callback, session, sign-out); public by nature, rate-limited per IP. */
const route = withRoute("auth", { public: true, rateLimit: "sign-in" }, ({ req, log }) =>
  handleAuthRequest(req, log),
);

export const GET = route;
export const POST = route;
