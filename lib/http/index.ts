export * from "./api-error";
export * from "./parse";
export * from "./with-route";
