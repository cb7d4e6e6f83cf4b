import Link from "next/link";
import { notFound } from "next/navigation";
import { TemplateLintNotice } from "@/components/scaffolder/template-lint-notice";
import { TemplateWizard } from "@/components/scaffolder/template-wizard";
import type { TemplateParameterSchema } from "@/components/scaffolder/types";
import { PageHeader } from "@/components/ui/page-header";
import { getEntityByName } from "@/lib/catalog/queries/get-entity";
import { getLocationErrorsOfEntity } from "@/lib/catalog/queries/location-errors-of-entity";
import { getDb } from "@/lib/db/client";
import { sourceFieldOrder } from "./field-order";
import { loadTemplateFiles } from "./template-files";

export const dynamic = "force-dynamic";

type Params = Promise<{ namespace: string; name: string }>;

const decode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

export async function generateMetadata({ params }: { params: Params }) {
  const { name } = await params;
  return { title: `Create · ${decode(name)}` };
}

export default async function Page({ params }: { params: Params }) {
  const { namespace, name } = await params;
  const ns = decode(namespace);
  const n = decode(name);
  const entity = await getEntityByName(getDb(), { kind: "template", namespace: ns, name: n });
  if (!entity) notFound();
  const findings = await getLocationErrorsOfEntity(
    getDb(),
    entity,
    `template:${entity.metadata.namespace ?? "default"}/${entity.metadata.name}`.toLowerCase(),
  );
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/create" className="text-slate-500 hover:underline">
          ← All templates
        </Link>
      </p>
      <PageHeader
        title={entity.metadata.title ?? entity.metadata.name}
        description={entity.metadata.description}
      />
      <TemplateLintNotice findings={findings} />
      <TemplateWizard
        namespace={ns}
        name={n}
        loadFiles={loadTemplateFiles}
        fieldOrder={await sourceFieldOrder(entity)}
        presentation={
          (entity.spec as { presentation?: TemplateParameterSchema["presentation"] } | undefined)
            ?.presentation
        }
      />
    </>
  );
}
