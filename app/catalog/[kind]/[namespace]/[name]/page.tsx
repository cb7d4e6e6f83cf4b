import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { stringify } from "yaml";
import { ApiDefinition } from "@/components/catalog/entity/api-definition";
import { Card } from "@/components/catalog/entity/card";
import { EntityHeader } from "@/components/catalog/entity/entity-header";
import { AboutCard, AnnotationsCard, LinksCard } from "@/components/catalog/entity/entity-overview";
import { type EntityTab, EntityTabs } from "@/components/catalog/entity/entity-tabs";
import { toNeighbours } from "@/components/catalog/entity/graph-layout";
import { LocationErrors } from "@/components/catalog/entity/location-errors";
import { OrphanBanner } from "@/components/catalog/entity/orphan-banner";
import { ownedEntitiesHref, PeopleSections } from "@/components/catalog/entity/people-sections";
import { RelationsGraphLazy } from "@/components/catalog/entity/relations-graph-lazy";
import { RelationsList } from "@/components/catalog/entity/relations-list";
import { EntityWorkloads } from "@/components/k8s/entity-workloads";
import { getEntityPage, stringifyEntityRef } from "@/lib/catalog";
import { getLocationErrorsOfEntity } from "@/lib/catalog/queries/location-errors-of-entity";
import { entityHref } from "@/lib/catalog/ui/entity-href";
import { getDb } from "@/lib/db/client";

export const dynamic = "force-dynamic";

type Params = Promise<{ kind: string; namespace: string; name: string }>;

const decode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

// generateMetadata and the page both need the entity: one query per request, not two.
const loadPage = cache((ref: string) => getEntityPage(getDb(), ref));

async function load(params: Params) {
  const p = await params;
  const ref = stringifyEntityRef({
    kind: decode(p.kind),
    namespace: decode(p.namespace),
    name: decode(p.name),
  });
  return { ref, page: await loadPage(ref) };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { page } = await load(params);
  return { title: page ? (page.entity.metadata.title ?? page.entity.metadata.name) : "Not found" };
}

export default async function Page({ params }: { params: Params }) {
  const { ref, page } = await load(params);
  if (!page) notFound();
  const { entity } = page;
  const kind = entity.kind.toLowerCase();
  const locationErrors = await getLocationErrorsOfEntity(getDb(), entity, ref);
  const neighbours = toNeighbours(page.relations, (r) => entityHref(r));
  const spec = entity.spec ?? {};

  const overview = (
    <div className="space-y-4">
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <AboutCard entity={entity} />
        </div>
        <LinksCard entity={entity} />
      </div>
      <PeopleSections page={page} />
      <Card title="Relations graph">
        <RelationsGraphLazy
          centre={{ label: entity.metadata.title ?? entity.metadata.name, kind: entity.kind }}
          neighbours={neighbours}
        />
      </Card>
      <Card title={`Relations (${Object.values(page.relationTotals).reduce((a, b) => a + b, 0)})`}>
        <RelationsList
          relations={page.relations}
          totals={page.relationTotals}
          ownedHref={ownedEntitiesHref(page)}
        />
      </Card>
      {kind === "component" && <EntityWorkloads entityRef={ref} />}
      <AnnotationsCard entity={entity} />
    </div>
  );
  const tabs: EntityTab[] = [{ id: "overview", label: "Overview", content: overview }];
  if (kind === "api") {
    tabs.push({
      id: "definition",
      label: "Definition",
      content: (
        <ApiDefinition
          type={typeof spec.type === "string" ? spec.type : undefined}
          definition={spec.definition}
        />
      ),
    });
  }
  const { relations: _relations, ...stored } = entity;
  tabs.push({
    id: "yaml",
    label: "YAML",
    content: (
      <pre
        className="overflow-auto rounded-lg bg-slate-950 p-4 font-mono text-xs leading-relaxed text-slate-100"
        data-testid="entity-yaml"
      >
        <code>{stringify(stored, { lineWidth: 0 })}</code>
      </pre>
    ),
  });

  return (
    <>
      <EntityHeader entity={entity} owner={page.owner} orphan={page.orphan} />
      <div className="space-y-4">
        {page.orphan && <OrphanBanner uid={entity.metadata.uid} entityName={entity.metadata.name} />}
        <LocationErrors errors={locationErrors} />
        <EntityTabs tabs={tabs} />
      </div>
    </>
  );
}
