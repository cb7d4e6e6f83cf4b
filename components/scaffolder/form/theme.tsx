"use client";

import {
  ariaDescribedByIds,
  type BaseInputTemplateProps,
  type DescriptionFieldProps,
  descriptionId,
  errorId,
  type FieldErrorProps,
  type FieldHelpProps,
  type FieldTemplateProps,
  getInputProps,
  getUiOptions,
  helpId,
  type ObjectFieldTemplateProps,
  type TemplatesType,
  type TitleFieldProps,
} from "@rjsf/utils";
import type { ChangeEvent } from "react";
import { inputClass } from "../ui";
import "./rjsf-theme.css";

/** RJSF rendered in the portal's Tailwind look instead of Bootstrap class names. */

function FieldTemplate(props: FieldTemplateProps) {
  const {
    id,
    label,
    children,
    errors,
    help,
    description,
    hidden,
    required,
    displayLabel,
    uiSchema,
    classNames,
  } = props;
  if (hidden) return <div className="hidden">{children}</div>;
  const isCheckbox = getUiOptions(uiSchema).widget === "checkbox";
  // RJSF leaves labels to custom fields; the field extensions here rely on this template for theirs.
  const showLabel = displayLabel || typeof uiSchema?.["ui:field"] === "string";
  return (
    <div className={`mb-4 ${classNames ?? ""}`}>
      {showLabel && !isCheckbox && label && (
        <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800 dark:text-slate-200">
          {label}
          {required && (
            <span aria-hidden className="ml-0.5 text-rose-600">
              *
            </span>
          )}
        </label>
      )}
      {showLabel && description ? description : null}
      {children}
      {errors}
      {help}
    </div>
  );
}

function BaseInputTemplate(props: BaseInputTemplateProps) {
  const {
    id,
    htmlName,
    value,
    readonly,
    disabled,
    autofocus,
    onBlur,
    onFocus,
    onChange,
    onChangeOverride,
    options,
    schema,
    type,
    rawErrors,
    placeholder,
    required,
  } = props;
  const inputProps = getInputProps(schema, type, options);
  const inputValue =
    inputProps.type === "number" || inputProps.type === "integer"
      ? value || value === 0
        ? value
        : ""
      : (value ?? "");
  return (
    <input
      id={id}
      name={htmlName || id}
      className={inputClass}
      readOnly={readonly}
      disabled={disabled}
      // biome-ignore lint/a11y/noAutofocus: templates ask for it with ui:autofocus.
      autoFocus={autofocus}
      placeholder={placeholder}
      required={required}
      value={inputValue}
      {...inputProps}
      aria-invalid={rawErrors && rawErrors.length > 0 ? true : undefined}
      aria-describedby={ariaDescribedByIds(id)}
      onChange={
        onChangeOverride ??
        ((e: ChangeEvent<HTMLInputElement>) =>
          onChange(e.target.value === "" ? options.emptyValue : e.target.value))
      }
      onBlur={(e) => onBlur(id, e.target.value)}
      onFocus={(e) => onFocus(id, e.target.value)}
    />
  );
}

function DescriptionFieldTemplate({ id, description }: DescriptionFieldProps) {
  if (!description) return null;
  return (
    <p id={id} className="mb-1.5 text-xs text-slate-500 dark:text-slate-400">
      {description}
    </p>
  );
}

function TitleFieldTemplate({ id, title, required }: TitleFieldProps) {
  return (
    <legend id={id} className="mb-2 text-base font-semibold">
      {title}
      {required && (
        <span aria-hidden className="ml-0.5 text-rose-600">
          *
        </span>
      )}
    </legend>
  );
}

function FieldErrorTemplate({ errors = [], fieldPathId }: FieldErrorProps) {
  const list = errors.filter(Boolean);
  if (!list.length) return null;
  return (
    <ul id={errorId(fieldPathId)} className="mt-1 space-y-0.5 text-xs text-rose-700 dark:text-rose-300">
      {list.map((error, i) => (
        // Errors have no identity beyond their text and position.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <li key={i}>{error}</li>
      ))}
    </ul>
  );
}

function FieldHelpTemplate({ help, fieldPathId }: FieldHelpProps) {
  if (!help) return null;
  return (
    <div id={helpId(fieldPathId)} className="mt-1 text-xs text-slate-500 dark:text-slate-400">
      {help}
    </div>
  );
}

function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const { title, description, properties, fieldPathId, registry, required, schema, uiSchema } = props;
  const isRoot = fieldPathId.path.length === 0;
  const content = properties.map((p) => p.content);
  if (isRoot) return <div id={fieldPathId.$id}>{content}</div>;
  return (
    <fieldset
      id={fieldPathId.$id}
      className="mb-4 rounded-lg border border-slate-200 p-3 dark:border-slate-700"
    >
      {title && (
        <TitleFieldTemplate
          id={`${fieldPathId.$id}__title`}
          title={title}
          required={required}
          schema={schema}
          uiSchema={uiSchema}
          registry={registry}
        />
      )}
      {description && (
        <DescriptionFieldTemplate
          id={descriptionId(fieldPathId)}
          description={description}
          schema={schema}
          uiSchema={uiSchema}
          registry={registry}
        />
      )}
      {content}
    </fieldset>
  );
}

// The page-level error summary duplicates the per-field messages; fields show their own.
function ErrorListTemplate() {
  return null;
}

export const tailwindTemplates: Partial<TemplatesType> = {
  FieldTemplate,
  BaseInputTemplate,
  DescriptionFieldTemplate,
  TitleFieldTemplate,
  FieldErrorTemplate,
  FieldHelpTemplate,
  ObjectFieldTemplate,
  ErrorListTemplate,
};
