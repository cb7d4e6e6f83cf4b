/** What the wizard hands to its custom fields through RJSF's formContext. */
export interface ScaffolderFormContext {
  /** Stores a Secret field's real value outside the form data (Backstage's `useTemplateSecrets`). */
  setSecret: (name: string, value: string | undefined) => void;
  /** The signed-in person's catalog ref, when the portal knows it. */
  userRef?: string;
  /** Refs the person acts for (their user and groups), for ownership-based pickers. */
  ownershipRefs?: string[];
}

export function formContextOf(registry: { formContext?: unknown }): ScaffolderFormContext | undefined {
  return registry.formContext as ScaffolderFormContext | undefined;
}
