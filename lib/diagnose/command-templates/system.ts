import type { Category } from "../categories";
import type { CommandTemplate } from "./shared";

// Node and OS resources: disks, ports and file permissions.
export const systemTemplates = {
  disk_full: [
    {
      template: "kubectl exec {{pod}} -n {{ns}}{{c_flag}} -- df -h",
      description: "Which filesystem in the container is full.",
    },
    {
      template: "kubectl describe node {{node_expr}} | grep -A6 -E 'Conditions|Allocated'",
      description: "Node disk pressure and ephemeral-storage use.",
    },
    {
      template: "df -h && du -xsh /var/lib/docker 2>/dev/null",
      description: "(Host or CI runner) free space.",
    },
    {
      template: "docker system df",
      description: "(Docker) space used by images, build cache and volumes before pruning anything.",
    },
  ],
  port_in_use: [
    {
      template: 'ss -ltnp | grep ":$PORT "',
      description: "(Host) which process already listens on the port.",
    },
    {
      template:
        'kubectl get pod {{pod}} -n {{ns}} -o jsonpath=\'{range .spec.containers[*]}{.name}{" "}{.ports}{"\\n"}{end}\'',
      description: "Containers in one pod share a network namespace: check two do not bind the same port.",
    },
    {
      template: "docker ps --format '{{.Names}} {{.Ports}}'",
      description: "(Docker) published ports in use.",
    },
  ],
  permission_denied: [
    {
      template:
        "kubectl get pod {{pod}} -n {{ns}} -o jsonpath='{.spec.securityContext}{\"\\n\"}{.spec.containers[*].securityContext}'",
      description: "runAsUser/fsGroup/readOnlyRootFilesystem decide what the process may write.",
    },
    {
      template: 'kubectl exec {{pod}} -n {{ns}}{{c_flag}} -- ls -ld "$TARGET_PATH"',
      description: "Owner and mode of the path that was denied (compare with runAsUser/fsGroup).",
    },
  ],
} satisfies Partial<Record<Category, CommandTemplate[]>>;
