export function ComingSoon({ feature }: { feature: string }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center dark:border-slate-700 dark:bg-slate-900">
      <p className="text-lg font-medium">Coming soon</p>
      <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">
        {feature} is being built; this page is a placeholder until it lands.
      </p>
    </div>
  );
}
