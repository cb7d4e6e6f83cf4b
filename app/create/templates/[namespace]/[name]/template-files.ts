"use server";

import { catalogDeps } from "@/lib/catalog/service/catalog-deps";
import { findTemplate, TemplateNotFoundError } from "@/lib/scaffolder/templates-source/find-template";
import { readDirectoryContents, WorkspaceLimitError } from "@/lib/scaffolder/workspace/directory-contents";

export interface TemplateFiles {
  /** The Template entity as the catalog stores it. */
  template?: unknown;
  directoryContents: Array<{ path: string; base64Content: string; executable?: boolean }>;
  error?: string;
}

// A template folder is small; anything bigger is refused rather than shipped to the browser.
const LIMITS = { maxFiles: 2000, maxBytes: 20 * 1024 * 1024 };

/**
 * The files of a catalog template registered from a file location, for the review page's dry run
 * (`POST v2/dry-run` takes the template and its files, Backstage's shape). Only the folder of a registered
 * Template entity is read, and the catalog only admits file locations under its allowed roots.
 */
export async function loadTemplateFiles(namespace: string, name: string): Promise<TemplateFiles> {
  try {
    const found = await findTemplate(catalogDeps().db, `template:${namespace}/${name}`);
    if (!found.baseDir) return { template: found.entity, directoryContents: [] };
    return { template: found.entity, directoryContents: await readDirectoryContents(found.baseDir, LIMITS) };
  } catch (error) {
    if (error instanceof TemplateNotFoundError || error instanceof WorkspaceLimitError)
      return { directoryContents: [], error: error.message };
    throw error;
  }
}
