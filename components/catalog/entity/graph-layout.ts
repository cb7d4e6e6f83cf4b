/** One neighbour of the entity in the relations graph, with every relation type that links them. */
export interface GraphNeighbour {
  ref: string;
  label: string;
  kind: string;
  href: string | null;
  resolved: boolean;
  relations: string[];
}

export interface RelationLike {
  relation: string;
  ref: string;
  kind: string | null;
  name: string | null;
  title: string | null;
  resolved: boolean;
}

const MAX_NEIGHBOURS = 40;

/** Merges relations per target, so two relations to one entity become one node with a combined label. */
export function toNeighbours(
  relations: RelationLike[],
  href: (ref: string) => string | null,
): GraphNeighbour[] {
  const byRef = new Map<string, GraphNeighbour>();
  for (const r of relations) {
    const existing = byRef.get(r.ref);
    if (existing) {
      if (!existing.relations.includes(r.relation)) existing.relations.push(r.relation);
      continue;
    }
    const kindFromRef = r.ref.split(":")[0] ?? "";
    byRef.set(r.ref, {
      ref: r.ref,
      label: r.title ?? r.name ?? r.ref.split("/").pop() ?? r.ref,
      kind: r.kind ?? kindFromRef,
      href: r.resolved ? href(r.ref) : null,
      resolved: r.resolved,
      relations: [r.relation],
    });
  }
  return [...byRef.values()].slice(0, MAX_NEIGHBOURS);
}

/**
 * Neighbours evenly on an ellipse around the origin (wider than tall, as nodes are), growing
 * with the count so nodes and the edge labels between them do not collide.
 */
export function radialPositions(count: number): Array<{ x: number; y: number }> {
  const rx = Math.max(340, count * 36);
  const ry = Math.max(200, count * 22);
  return Array.from({ length: count }, (_, i) => {
    const angle = (2 * Math.PI * i) / Math.max(count, 1) - Math.PI / 2;
    return { x: Math.round(rx * Math.cos(angle)), y: Math.round(ry * Math.sin(angle)) };
  });
}
