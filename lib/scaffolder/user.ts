/**
 * The user a task runs as. Until access control lands every request is this one local user;
 * the auth work replaces this function (and passes the caller in) without touching the runner.
 */
export const LOCAL_USER_REF = "user:default/guest";

export function localUser(): { ref: string; entity?: Record<string, unknown> } {
  return {
    ref: LOCAL_USER_REF,
    entity: {
      apiVersion: "backstage.io/v1alpha1",
      kind: "User",
      metadata: { name: "guest", namespace: "default" },
      spec: {},
    },
  };
}
