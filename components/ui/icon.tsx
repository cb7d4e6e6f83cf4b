/** A 24×24 stroked outline icon from a single SVG path; decorative, hidden from screen readers. */
export function Icon({ path, className = "size-5" }: { path: string; className?: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      className={className}
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden
    >
      <path d={path} />
    </svg>
  );
}

/** Magnifying glass: a radius-7 circle at (11,11) and its handle. */
export const SEARCH_ICON = "M11 4a7 7 0 1 0 0 14a7 7 0 1 0 0-14M20 20l-3.5-3.5";
