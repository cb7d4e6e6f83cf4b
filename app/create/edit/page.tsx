import Link from "next/link";
import { TemplateEditor } from "@/components/scaffolder/template-editor";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Template editor" };

export default function Page() {
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/create" className="text-slate-500 hover:underline">
          ← All templates
        </Link>
      </p>
      <PageHeader
        title="Template editor"
        description="Load a template folder or paste a template.yaml, edit it, try the form and dry-run it. Nothing is saved or published."
      />
      <TemplateEditor />
    </>
  );
}
