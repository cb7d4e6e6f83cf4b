"use client";

import Form from "@rjsf/core";
import type { RJSFValidationError } from "@rjsf/utils";
import validator from "@rjsf/validator-ajv8";
import { type ReactNode, useMemo, useState } from "react";
import { splitUiSchema, type UiSchema } from "../schema-ui";
import type { JsonObject, ParameterSchemaStep } from "../types";
import { primaryButton, secondaryButton } from "../ui";
import { scaffolderFields } from "./fields";
import type { ScaffolderFormContext } from "./form-context";
import { tailwindTemplates } from "./theme";
import { fieldExtensionValidator } from "./validate";

export interface PreparedStep {
  title: string;
  description?: string;
  schema: JsonObject;
  uiSchema: UiSchema;
}

export function prepareSteps(steps: ParameterSchemaStep[]): PreparedStep[] {
  return steps.map((s) => {
    const { schema, uiSchema } = splitUiSchema(s.schema);
    // The page title is shown by the stepper; RJSF should not print it a second time.
    const { title: _t, description: _d, ...rest } = schema;
    return {
      title: s.title,
      description: s.description ?? (_d as string | undefined),
      schema: rest,
      uiSchema,
    };
  });
}

interface Props {
  step: PreparedStep;
  formData: Record<string, unknown>;
  formContext: ScaffolderFormContext;
  onChange: (data: Record<string, unknown>) => void;
  onSubmit: (data: Record<string, unknown>) => void;
  onBack?: () => void;
  backLabel: string;
  nextLabel: string;
  extraActions?: ReactNode;
  disabled?: boolean;
}

/**
 * One wizard page as an RJSF form. Validation is live: type and pattern errors show while typing;
 * "required" errors wait for the first attempt to continue, so a fresh page does not open in red.
 */
export function StepForm({
  step,
  formData,
  formContext,
  onChange,
  onSubmit,
  onBack,
  backLabel,
  nextLabel,
  extraActions,
  disabled,
}: Props) {
  const [attempted, setAttempted] = useState(false);
  const customValidate = useMemo(() => fieldExtensionValidator(step.uiSchema), [step.uiSchema]);
  const transformErrors = (errors: RJSFValidationError[]) =>
    (attempted ? errors : errors.filter((e) => e.name !== "required")).map((e) =>
      e.name === "required" ? { ...e, message: "is required" } : e,
    );
  return (
    <Form
      className="rjsf-tw"
      schema={step.schema}
      uiSchema={{ ...step.uiSchema, "ui:submitButtonOptions": { norender: true } }}
      formData={formData}
      formContext={formContext}
      validator={validator}
      templates={tailwindTemplates}
      fields={scaffolderFields}
      customValidate={customValidate}
      transformErrors={transformErrors}
      liveValidate="onChange"
      showErrorList={false}
      noHtml5Validate
      focusOnFirstError
      disabled={disabled}
      onChange={(e) => onChange(e.formData as Record<string, unknown>)}
      onError={() => setAttempted(true)}
      onSubmit={(e) => {
        setAttempted(true);
        onSubmit(e.formData as Record<string, unknown>);
      }}
    >
      <div className="mt-6 flex flex-wrap items-center gap-2 border-t border-slate-100 pt-4 dark:border-slate-800">
        {onBack && (
          <button type="button" className={secondaryButton} onClick={onBack}>
            {backLabel}
          </button>
        )}
        <button
          type="submit"
          className={primaryButton}
          onClick={() => setAttempted(true)}
          disabled={disabled}
        >
          {nextLabel}
        </button>
        {extraActions}
      </div>
    </Form>
  );
}
