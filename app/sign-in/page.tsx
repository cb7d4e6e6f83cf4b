import { SignInButton } from "@/components/access/sign-in-button";
import { PageHeader } from "@/components/ui/page-header";
import { getServerConfig } from "@/lib/config/server-config";

export const metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  const mode = getServerConfig().auth.mode;
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title="Sign in to Portico" description="Use your organisation's single sign-on." />
      {error && (
        <p
          role="alert"
          className="mb-4 rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
        >
          Sign-in failed ({error.slice(0, 100)}). Try again or ask an administrator.
        </p>
      )}
      {mode === "oidc" ? (
        <SignInButton />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          This portal runs in local mode: you are the local admin and need no sign-in.
        </p>
      )}
    </div>
  );
}
