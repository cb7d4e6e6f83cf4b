export { createTokenBody, tokenIdParams } from "@/lib/access/api-schemas";
