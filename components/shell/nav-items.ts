export interface NavItem {
  href: string;
  label: string;
  description: string;
  icon: string; // an SVG path "d" attribute (24x24 viewBox)
}

export const navItems: NavItem[] = [
  {
    href: "/catalog",
    label: "Catalog",
    description: "Services, APIs, systems and the teams that own them",
    icon: "M4 6h16M4 12h16M4 18h10",
  },
  {
    href: "/create",
    label: "Create",
    description: "Scaffold a new service from a software template",
    icon: "M12 5v14M5 12h14",
  },
  {
    href: "/chat",
    label: "Chat",
    description: "Ask about services, runbooks and the cluster",
    icon: "M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z",
  },
  {
    href: "/diagnose",
    label: "Diagnose",
    description: "Paste an error, get the root cause and the fix",
    icon: "M22 12h-4l-3 9L9 3l-3 9H2",
  },
  {
    href: "/runbooks",
    label: "Runbooks",
    description: "Operational playbooks for every failure we know",
    icon: "M4 19.5A2.5 2.5 0 0 1 6.5 17H20V3H6.5A2.5 2.5 0 0 0 4 5.5zM4 19.5A2.5 2.5 0 0 0 6.5 22H20v-5",
  },
  {
    href: "/cluster",
    label: "Cluster",
    description: "Live Kubernetes health and problems",
    icon: "M12 2l9 5v10l-9 5-9-5V7z",
  },
];
