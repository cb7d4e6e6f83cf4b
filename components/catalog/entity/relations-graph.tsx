"use client";

import "@xyflow/react/dist/style.css";
import {
  Background,
  Controls,
  type Edge,
  Handle,
  type Node,
  type NodeProps,
  Position,
  ReactFlow,
} from "@xyflow/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { type GraphNeighbour, radialPositions } from "./graph-layout";
import { useDarkMode } from "./use-dark-mode";

type EntityNodeData = {
  label: string;
  kind: string;
  href: string | null;
  resolved: boolean;
  centre: boolean;
};
type EntityNode = Node<EntityNodeData, "entity">;

// Handles sit in the middle of the node so straight edges run centre to centre, under the nodes.
const hiddenHandle = { top: "50%", left: "50%", opacity: 0, pointerEvents: "none" as const };

function EntityNodeView({ data }: NodeProps<EntityNode>) {
  const tone = data.centre
    ? "border-brand-600 bg-brand-600 text-white"
    : data.resolved
      ? "border-slate-300 bg-white text-slate-900 hover:border-brand-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
      : "border-dashed border-rose-400 bg-rose-50 text-rose-800 dark:bg-rose-950 dark:text-rose-200";
  const body = (
    <>
      <span className="block text-[10px] uppercase tracking-wide opacity-70">{data.kind}</span>
      <span className="block truncate text-xs font-medium">{data.label}</span>
      {!data.resolved && <span className="block text-[10px]">not in catalog</span>}
    </>
  );
  return (
    <div
      className={`w-44 rounded-lg border px-2 py-1.5 text-center shadow-sm ${tone}`}
      data-testid="graph-node"
    >
      <Handle type="target" position={Position.Top} style={hiddenHandle} isConnectable={false} />
      <Handle type="source" position={Position.Bottom} style={hiddenHandle} isConnectable={false} />
      {data.href && !data.centre ? (
        <Link
          href={data.href}
          className="nodrag block focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
        >
          {body}
        </Link>
      ) : (
        body
      )}
    </div>
  );
}

const nodeTypes = { entity: EntityNodeView };

/** The entity in the centre, its related entities around it, edges labelled by relation type. */
export function RelationsGraph({
  centre,
  neighbours,
}: {
  centre: { label: string; kind: string };
  neighbours: GraphNeighbour[];
}) {
  const dark = useDarkMode();
  const router = useRouter();
  const { nodes, edges } = useMemo(() => {
    const positions = radialPositions(neighbours.length);
    const nodes: EntityNode[] = [
      {
        id: "__centre",
        type: "entity",
        position: { x: 0, y: 0 },
        data: { ...centre, href: null, resolved: true, centre: true },
        origin: [0.5, 0.5],
      },
      ...neighbours.map(
        (n, i): EntityNode => ({
          id: n.ref,
          type: "entity",
          position: positions[i],
          origin: [0.5, 0.5],
          data: { label: n.label, kind: n.kind, href: n.href, resolved: n.resolved, centre: false },
        }),
      ),
    ];
    const edges: Edge[] = neighbours.map((n) => ({
      id: `e-${n.ref}`,
      source: "__centre",
      target: n.ref,
      type: "straight",
      label: n.relations.join(", "),
      style: n.resolved ? undefined : { strokeDasharray: "6 4", stroke: "#f43f5e" },
      labelBgPadding: [4, 2] as [number, number],
      labelBgBorderRadius: 4,
    }));
    return { nodes, edges };
  }, [centre, neighbours]);

  if (neighbours.length === 0) {
    return <p className="text-sm text-slate-500">This entity has no relations.</p>;
  }
  return (
    <div
      className="h-[28rem] overflow-hidden rounded-lg border border-slate-200 dark:border-slate-800"
      data-testid="relations-graph"
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        colorMode={dark ? "dark" : "light"}
        fitView
        fitViewOptions={{ padding: 0.15 }}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        minZoom={0.2}
        onNodeClick={(_, node) => {
          if (node.data.href && !node.data.centre) router.push(node.data.href);
        }}
        aria-label="Relations graph"
      >
        <Background gap={24} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
