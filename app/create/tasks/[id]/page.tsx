import Link from "next/link";
import { TaskRun } from "@/components/scaffolder/task-run";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const { id } = await params;
  return { title: `Task ${id.slice(0, 8)}` };
}

export default async function Page({ params }: { params: Params }) {
  const { id } = await params;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/create" className="text-slate-500 hover:underline">
          ← All templates
        </Link>
      </p>
      <PageHeader title="Run" description={`Task ${id}`} />
      <TaskRun taskId={id} />
    </>
  );
}
