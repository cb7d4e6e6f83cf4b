"use client";

import { type ReactNode, useMemo, useRef, useState } from "react";
import { secretFieldNames } from "../schema-ui";
import type { TemplateParameterSchema } from "../types";
import { primaryButton, secondaryButton } from "../ui";
import type { ScaffolderFormContext } from "./form-context";
import { ReviewValues } from "./review";
import { prepareSteps, StepForm } from "./step-form";
import { Stepper } from "./stepper";

export interface WizardSubmission {
  values: Record<string, unknown>;
  secrets: Record<string, string>;
}

interface Props {
  parameters: TemplateParameterSchema;
  initialValues?: Record<string, unknown>;
  /** Extra content on the review page (e.g. the dry-run preview), given the current submission. */
  reviewExtras?: (submission: WizardSubmission) => ReactNode;
  onCreate?: (submission: WizardSubmission) => void;
  creating?: boolean;
  createError?: ReactNode;
  userRef?: string;
  ownershipRefs?: string[];
}

/**
 * Backstage's wizard: one page per parameter step, a stepper, a review page and a create button; values of
 * every page live in one object, secrets (Secret fields) in another that never reaches `values`.
 */
export function MultiStepForm({
  parameters,
  initialValues,
  reviewExtras,
  onCreate,
  creating,
  createError,
  userRef,
  ownershipRefs,
}: Props) {
  const steps = useMemo(() => prepareSteps(parameters.steps), [parameters.steps]);
  const [active, setActive] = useState(0);
  const [reachable, setReachable] = useState(0);
  const [formData, setFormData] = useState<Record<string, unknown>>(() => ({ ...(initialValues ?? {}) }));
  const secretsRef = useRef(new Map<string, string>());
  const [, bump] = useState(0);
  const labels = parameters.presentation?.buttonLabels ?? {};
  const backLabel = labels.backButtonText ?? "Back";
  const reviewLabel = labels.reviewButtonText ?? "Review";
  const createLabel = labels.createButtonText ?? "Create";
  const reviewIndex = steps.length;
  const titles = [...steps.map((s) => s.title), "Review"];

  const formContext: ScaffolderFormContext = useMemo(
    () => ({
      setSecret: (name, value) => {
        if (value === undefined) secretsRef.current.delete(name);
        else secretsRef.current.set(name, value);
        bump((n) => n + 1);
      },
      userRef,
      ownershipRefs,
    }),
    [userRef, ownershipRefs],
  );

  const secretNames = useMemo(() => steps.flatMap((s) => secretFieldNames(s.uiSchema)), [steps]);
  const submission = (): WizardSubmission => {
    const values: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(formData)) {
      // Secret fields hold only a mask in the form; the real value travels in `secrets`.
      if (secretNames.includes(k)) continue;
      values[k] = v;
    }
    return { values, secrets: Object.fromEntries(secretsRef.current) };
  };

  const go = (i: number) => {
    setActive(i);
    setReachable((r) => Math.max(r, i));
    window.scrollTo?.({ top: 0 });
  };

  const current = steps[active];
  return (
    <div className="space-y-6">
      <Stepper titles={titles} active={active} reachable={reachable} onSelect={go} />
      {current ? (
        <section
          aria-labelledby="wizard-page-title"
          className="rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
        >
          <h2 id="wizard-page-title" className="text-lg font-semibold">
            {current.title}
          </h2>
          {current.description && (
            <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">{current.description}</p>
          )}
          <div className="mt-4">
            <StepForm
              key={active}
              step={current}
              formData={formData}
              formContext={formContext}
              onChange={setFormData}
              onSubmit={(data) => {
                setFormData(data);
                go(active + 1);
              }}
              onBack={active > 0 ? () => go(active - 1) : undefined}
              backLabel={backLabel}
              nextLabel={active === steps.length - 1 ? reviewLabel : "Next"}
            />
          </div>
        </section>
      ) : (
        <section aria-labelledby="wizard-page-title" className="space-y-4">
          <h2 id="wizard-page-title" className="text-lg font-semibold">
            Review
          </h2>
          <ReviewValues steps={steps} formData={formData} onEdit={go} />
          {createError}
          <div className="flex flex-wrap items-center gap-2">
            <button
              type="button"
              className={secondaryButton}
              onClick={() => go(reviewIndex - 1)}
              disabled={steps.length === 0}
            >
              {backLabel}
            </button>
            {onCreate && (
              <button
                type="button"
                className={primaryButton}
                disabled={creating}
                onClick={() => onCreate(submission())}
              >
                {creating ? "Creating…" : createLabel}
              </button>
            )}
          </div>
          {reviewExtras?.(submission())}
        </section>
      )}
    </div>
  );
}
