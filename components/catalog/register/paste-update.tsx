/** The paste a re-import replaces (POST /register with `locationId`), named by its file. */
export interface PasteTarget {
  locationId: string;
  file: string;
}

const button =
  "rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800";

/**
 * Offered after pasted YAML was imported: keep the YAML in the editor and make the next
 * import replace this paste. Without it every paste is a new location, so removing an
 * entity from the YAML could never orphan it.
 */
export function UpdatePasteButton({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" className={button} onClick={onClick}>
      Update this paste
    </button>
  );
}

/** Shown above the editor while edits go to an earlier paste instead of a new one. */
export function UpdatingPasteNotice({ target, onCancel }: { target: PasteTarget; onCancel: () => void }) {
  return (
    <div
      className="flex flex-col gap-2 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900 sm:flex-row sm:items-center sm:justify-between dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200"
      data-testid="updating-paste"
    >
      <p>
        Updating the earlier paste <span className="font-mono text-xs">{target.file}</span>: entities you
        remove from the YAML become orphans.
      </p>
      <button type="button" className={button} onClick={onCancel}>
        Save as a new paste instead
      </button>
    </div>
  );
}
