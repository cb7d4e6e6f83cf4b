import type { Category } from "../categories";
import type { CommandTemplate } from "./shared";

// DNS, refused or timed-out connections and TLS: probes from inside the pod's network namespace.
export const networkTemplates = {
  dns_resolution: [
    {
      template: "kubectl exec {{pod}} -n {{ns}} -- cat /etc/resolv.conf",
      description: "Check the pod's resolver configuration and search domains.",
    },
    {
      template: "kubectl exec {{pod}} -n {{ns}} -- nslookup kubernetes.default.svc.cluster.local",
      description: "Test cluster DNS from inside the pod.",
    },
    {
      template: "kubectl logs -n kube-system -l k8s-app=kube-dns --tail=100",
      description: "Look for CoreDNS errors.",
    },
    {
      template: "kubectl get svc -n {{ns}}",
      description: "Confirm the target Service exists under the name being resolved.",
    },
  ],
  connection_refused: [
    {
      template: "kubectl get endpoints -n {{ns}}",
      description: "A Service without endpoints refuses connections: check its selector and pod readiness.",
    },
    {
      template: "kubectl get svc,pods -n {{ns}} -o wide",
      description: "Compare Service ports with the ports the pods listen on.",
    },
  ],
  tls_certificate: [
    {
      template:
        'openssl s_client -connect "$HOST:443" -servername "$HOST" </dev/null 2>/dev/null | openssl x509 -noout -subject -issuer -dates',
      description: "Inspect the served certificate's subject, issuer and validity dates.",
    },
    {
      template: "kubectl get certificates -n {{ns}}",
      description: "Check cert-manager Certificate readiness and renewal.",
    },
  ],
  network_timeout: [
    {
      template: 'kubectl exec {{pod}} -n {{ns}}{{c_flag}} -- nc -vz -w 5 "$HOST" "$PORT"',
      description: "Test whether the target answers at all from inside the pod.",
    },
    {
      template: "kubectl get networkpolicies -n {{ns}}",
      description: "A NetworkPolicy that drops (rather than rejects) traffic shows up as timeouts.",
    },
    {
      template: "kubectl get endpoints -n {{ns}}",
      description: "Check that the target Service has ready endpoints.",
    },
  ],
} satisfies Partial<Record<Category, CommandTemplate[]>>;
