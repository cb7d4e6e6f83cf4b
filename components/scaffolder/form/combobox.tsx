"use client";

import { type KeyboardEvent, useId, useMemo, useState } from "react";
import { inputClass } from "../ui";

export interface ComboOption {
  value: string;
  label: string;
  hint?: string;
}

interface Props {
  id: string;
  options: ComboOption[];
  loading?: boolean;
  /** Single: the selected value; multiple: the selected values. */
  value: string | string[] | undefined;
  multiple?: boolean;
  allowArbitrary?: boolean;
  /** Turns free text into a value (e.g. a short entity ref into a full one). */
  normalize?: (text: string) => string;
  /** How a selected value reads when it is not among the options. */
  labelOf?: (value: string) => string;
  onChange: (value: string | string[] | undefined) => void;
  onBlur?: () => void;
  placeholder?: string;
  disabled?: boolean;
  invalid?: boolean;
  describedBy?: string;
  autoFocus?: boolean;
}

/**
 * An accessible combobox (ARIA 1.2 pattern: input + listbox, arrows/Enter/Escape) for the catalog-backed
 * pickers, single or multiple, optionally accepting values that are not in the list.
 */
export function Combobox(props: Props) {
  const { id, options, value, multiple, allowArbitrary, onChange } = props;
  const listId = useId();
  const selected = multiple ? ((value as string[] | undefined) ?? []) : [];
  const single = multiple ? undefined : (value as string | undefined);
  const labelOf = (v: string) => options.find((o) => o.value === v)?.label ?? props.labelOf?.(v) ?? v;
  const [text, setText] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const shownText = text ?? (single ? labelOf(single) : "");

  const filtered = useMemo(() => {
    const t = (text ?? "").trim().toLowerCase();
    return options
      .filter((o) => !selected.includes(o.value))
      .filter((o) => !t || o.label.toLowerCase().includes(t) || o.value.toLowerCase().includes(t))
      .slice(0, 50);
  }, [options, text, selected]);

  const choose = (v: string) => {
    if (multiple) {
      onChange([...selected, v]);
      setText("");
    } else {
      onChange(v);
      setText(null);
    }
    setOpen(false);
  };

  const commitText = () => {
    const t = (text ?? "").trim();
    if (text === null) return;
    if (!t) {
      if (!multiple) onChange(undefined);
      setText(null);
      return;
    }
    const exact = options.find((o) => o.label.toLowerCase() === t.toLowerCase() || o.value === t);
    if (exact) choose(exact.value);
    else if (allowArbitrary) choose(props.normalize ? props.normalize(t) : t);
    else if (!multiple) setText(null);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, filtered.length - 1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === "Enter") {
      if (open && filtered[active]) {
        e.preventDefault();
        choose(filtered[active].value);
      } else if (text) {
        e.preventDefault();
        commitText();
      }
    } else if (e.key === "Escape") {
      setOpen(false);
    } else if (e.key === "Backspace" && multiple && !text && selected.length) {
      onChange(selected.slice(0, -1));
    }
  };

  const optionId = (i: number) => `${listId}-opt-${i}`;
  return (
    <div className="relative">
      {multiple && selected.length > 0 && (
        <ul className="mb-1.5 flex flex-wrap gap-1.5" aria-label="Selected">
          {selected.map((v) => (
            <li
              key={v}
              className="inline-flex items-center gap-1 rounded-full bg-brand-50 px-2.5 py-1 text-xs font-medium text-brand-700 dark:bg-slate-800 dark:text-brand-100"
            >
              {labelOf(v)}
              <button
                type="button"
                onClick={() => onChange(selected.filter((s) => s !== v))}
                aria-label={`Remove ${labelOf(v)}`}
                className="rounded-full px-1 hover:bg-brand-100 dark:hover:bg-slate-700"
                disabled={props.disabled}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && filtered[active] ? optionId(active) : undefined}
        aria-invalid={props.invalid || undefined}
        aria-describedby={props.describedBy}
        autoComplete="off"
        // biome-ignore lint/a11y/noAutofocus: templates ask for it with ui:autofocus.
        autoFocus={props.autoFocus}
        className={inputClass}
        placeholder={props.loading ? "Loading…" : props.placeholder}
        disabled={props.disabled}
        value={shownText}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          // Let a click on an option land before the list closes.
          setTimeout(() => {
            setOpen(false);
            commitText();
            props.onBlur?.();
          }, 150);
        }}
        onKeyDown={onKeyDown}
      />
      {open && (
        <div
          id={listId}
          role="listbox"
          aria-label="Suggestions"
          className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-lg border border-slate-200 bg-white py-1 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {filtered.length === 0 && (
            <div className="px-3 py-2 text-slate-500">
              {props.loading
                ? "Loading…"
                : allowArbitrary
                  ? "No match; press Enter to use your text"
                  : "No match"}
            </div>
          )}
          {filtered.map((o, i) => (
            <div
              key={o.value}
              id={optionId(i)}
              tabIndex={-1}
              role="option"
              aria-selected={i === active}
              // mousedown fires before the input's blur, so the choice is not lost.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(o.value);
              }}
              onMouseEnter={() => setActive(i)}
              className={`cursor-pointer px-3 py-1.5 ${i === active ? "bg-brand-50 dark:bg-slate-800" : ""}`}
            >
              <span className="font-medium">{o.label}</span>
              {o.hint && <span className="ml-2 text-xs text-slate-500">{o.hint}</span>}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
