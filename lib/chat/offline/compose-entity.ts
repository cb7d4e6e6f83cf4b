import { linearRegex } from "@/lib/text/linear-regex";
import type { EntityDetailOutput } from "../types";
import type { EntityAspect } from "./route-intent";

/**
 * Offline answers about one catalog entity, written only from the getEntity
 * tool's output (the card shows the same data), one sentence per aspect the
 * question asked about, in the order asked.
 */
const refName = (ref: string) => ref.slice(ref.indexOf("/") + 1);
const link = (ref: string, url: string) => `[${refName(ref)}](${url})`;

function relations(e: EntityDetailOutput, type: string) {
  return e.relations.filter((r) => r.type === type);
}

function list(items: { targetRef: string; url: string }[]): string {
  return items.map((r) => link(r.targetRef, r.url)).join(", ");
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

// Link titles and URLs come from catalog YAML anyone can register: RE2, like user text.
const ONCALL_LINK = linearRegex(
  "offline-oncall-link",
  /on.?call|pager|opsgenie|incident|escalat|runbook|slack|status/i,
);

function ownerSentence(name: string, e: EntityDetailOutput): string {
  if (!e.owner) return `**${name}** has no owner recorded in the catalog.`;
  const email = e.owner.email ? ` (${e.owner.email})` : "";
  return `**${name}** is owned by [${e.owner.title ?? refName(e.owner.ref)}](${e.owner.url})${email}.`;
}

function sentence(aspect: EntityAspect, name: string, e: EntityDetailOutput): string {
  switch (aspect) {
    case "owner":
      return ownerSentence(name, e);
    case "providesApis": {
      const apis = relations(e, "providesApi");
      return apis.length
        ? `It provides ${plural(apis.length, "API", "APIs")}: ${list(apis)}.`
        : `**${name}** provides no APIs in the catalog.`;
    }
    case "consumesApis": {
      const apis = relations(e, "consumesApi");
      return apis.length
        ? `It consumes ${plural(apis.length, "API", "APIs")}: ${list(apis)}.`
        : `**${name}** consumes no APIs in the catalog.`;
    }
    case "dependencies": {
      const deps = relations(e, "dependsOn");
      const apis = relations(e, "consumesApi");
      if (!deps.length && !apis.length) return `**${name}** has no dependencies recorded in the catalog.`;
      const parts = [
        deps.length ? `depends on ${list(deps)}` : "",
        apis.length ? `consumes ${list(apis)}` : "",
      ].filter(Boolean);
      return `**${name}** ${parts.join(" and ")}.`;
    }
    case "dependents": {
      const users = [
        ...relations(e, "dependencyOf"),
        ...relations(e, "apiConsumedBy"),
        ...relations(e, "consumedBy"),
      ];
      return users.length
        ? `${plural(users.length, "entity depends", "entities depend")} on **${name}**: ${list(users)}.`
        : `Nothing in the catalog depends on **${name}**.`;
    }
    case "oncall": {
      const pages = e.links.filter((l) => ONCALL_LINK.test(`${l.title ?? ""} ${l.url}`));
      const who = e.owner
        ? `contact the owner, [${e.owner.title ?? refName(e.owner.ref)}](${e.owner.url})${e.owner.email ? ` at ${e.owner.email}` : ""}`
        : "no owner is recorded to contact";
      const linkText = pages.length
        ? ` On-call and runbook links: ${pages.map((l) => `[${l.title ?? l.url}](${l.url})`).join(", ")}.`
        : " No on-call link is recorded.";
      return `For **${name}**, ${who}.${linkText}`;
    }
    case "links":
      return e.links.length
        ? `Links for **${name}**: ${e.links.map((l) => `[${l.title ?? l.url}](${l.url})`).join(", ")}.`
        : `**${name}** has no links recorded in the catalog.`;
    case "describe": {
      const ent = e.entity;
      if (!ent) return "";
      const what = [ent.lifecycle, ent.type, ent.kind.toLowerCase()].filter(Boolean).join(" ");
      const system = relations(e, "partOf")[0];
      const desc = ent.description ? ` ${ent.description}` : "";
      return `**${name}** is a ${what}${system ? ` in ${link(system.targetRef, system.url)}` : ""}.${desc} ${ownerSentence(name, e)}`;
    }
  }
}

export function composeEntityAnswer(aspects: EntityAspect[], e: EntityDetailOutput): string {
  if (!e.found || !e.entity) return `There is no catalog entity ${e.ref}.`;
  const name = e.entity.title ?? e.entity.name;
  const wanted: EntityAspect[] = aspects.length ? aspects : ["describe"];
  return wanted.map((a) => sentence(a, name, e)).join(" ");
}
