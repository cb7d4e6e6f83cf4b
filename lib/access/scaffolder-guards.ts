import type { Db } from "@/lib/db/client";
import { notFound } from "@/lib/http/api-error";
import { forbidden } from "./errors";
import type { Principal } from "./principal";
import { hasScope } from "./scopes";
import { ownershipRefs } from "./teams";

/**
 * Who a new scaffolder task records as its creator (`createdBy`, and `user.ref` in
 * the templates): the person's catalog `User` entity when the catalog knows them,
 * so a template that sets `owner: ${{ user.ref }}` names a real entity; otherwise
 * the principal's id (service and bootstrap tokens, people not in the catalog).
 * The local admin keeps the scaffolder's own local user (undefined here).
 */
export async function taskCreatorRef(db: Db, principal: Principal): Promise<string | undefined> {
  if (principal.kind === "local") return undefined;
  const userRef = (await ownershipRefs(db, principal)).find((ref) => ref.startsWith("user:"));
  return userRef ?? principal.id;
}

/**
 * Cancelling or retrying a task acts on someone's run (a retry re-runs its publish
 * steps with their values): only its creator, under either of the refs
 * taskCreatorRef may have recorded, or an admin. 404 for an unknown task.
 */
export async function authorizeTaskChange(db: Db, principal: Principal, taskId: string): Promise<void> {
  const task = await db.scaffolderTask.findUnique({ where: { id: taskId }, select: { createdBy: true } });
  if (!task) throw notFound(`No task ${taskId}`, { fields: [{ field: "taskId", message: "unknown" }] });
  if (hasScope(principal.scopes, "admin") || task.createdBy === principal.id) return;
  if (task.createdBy.startsWith("user:") && (await ownershipRefs(db, principal)).includes(task.createdBy))
    return;
  throw forbidden("Only the task's creator or an admin may cancel or retry it", {
    fields: [{ field: "taskId", message: "created by someone else" }],
  });
}
