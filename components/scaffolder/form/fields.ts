import type { RegistryFieldsType } from "@rjsf/utils";
import {
  EntityPicker,
  MultiEntityPicker,
  MyGroupsPicker,
  OwnedEntityPicker,
  OwnerPicker,
} from "./entity-fields";
import { EntityNamePicker, EntityTagsPicker, RepoUrlPicker, SecretField } from "./text-fields";

/** The Backstage field extensions templates name in `ui:field`. */
export const scaffolderFields: RegistryFieldsType = {
  EntityPicker,
  OwnerPicker,
  OwnedEntityPicker,
  MultiEntityPicker,
  MyGroupsPicker,
  EntityNamePicker,
  EntityTagsPicker,
  RepoUrlPicker,
  Secret: SecretField,
};
