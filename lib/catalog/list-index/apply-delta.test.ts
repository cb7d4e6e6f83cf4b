import { describe, expect, it } from "vitest";
import { LIST_FACETS } from "../db/list-cache";
import { applyDelta } from "./apply-delta";
import { DeltaMismatch } from "./delta-layout";
import { evaluateList } from "./evaluate-list";
import { matchFields } from "./field-text";
import { rowsById } from "./id-lookup";
import { buildListIndex, type ListIndex, type ListIndexSource, type ListIndexSourceRow } from "./list-index";
import type { ListIndexDelta } from "./load-changes";
import { type ListSort, sortedRows } from "./sort-order";
import { matchWords } from "./text-match";

// A model of the catalog table and of what the database reads from it, with code-unit order
// standing in for the collation: the full load (sourceOf) and the change read (deltaOf).
type Entity = Omit<ListIndexSourceRow, "nameRank" | "texts"> & {
  ref: string;
  name: string;
  /** TEXT_FIELDS after metadata.name (which is the name). */
  texts: Array<string[] | null>;
};

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sortValues = async (values: string[]) => [...values].sort(cmp);
const SORTS: ListSort[] = ["name", "-name", "kind", "-kind", "updated", "-updated", "owner", "-owner"];

function sourceOf(entities: Entity[], revision: string): ListIndexSource {
  const names = [...new Set(entities.map((e) => e.name))].sort(cmp);
  const rank = new Map(names.map((n, i) => [n, i + 1]));
  const distinct = (values: Array<string | null>) =>
    [...new Set(values.filter((v): v is string => v !== null))].sort(cmp);
  return {
    revision,
    rows: [...entities]
      .sort((a, b) => cmp(a.ref, b.ref))
      .map((e) => ({ ...e, nameRank: rank.get(e.name) as number, texts: [[e.name], ...e.texts] })),
    dictionaries: Object.fromEntries(
      LIST_FACETS.map((f) => [
        f,
        distinct(f === "tags" ? entities.flatMap((e) => e.tags) : entities.map((e) => e[f])),
      ]),
    ) as ListIndexSource["dictionaries"],
  };
}

function deltaOf(after: Entity[], changed: string[], revision: string): ListIndexDelta {
  const ids = new Set(changed);
  const rows = after.filter((e) => ids.has(e.id)).sort((a, b) => cmp(a.ref, b.ref));
  const names = [...new Set(rows.map((e) => e.name))].sort(cmp);
  const below = <T>(key: (e: Entity) => string, value: string, out: (e: Entity) => T): T | null => {
    const smaller = after.filter((e) => key(e) < value).sort((a, b) => cmp(key(a), key(b)));
    return smaller.length ? out(smaller[smaller.length - 1]) : null;
  };
  // An unchanged entity with this name, as the database picks one.
  const twin = (name: string | null) => after.find((x) => x.name === name && !ids.has(x.id))?.id ?? null;
  return {
    revision,
    changed,
    touched: [],
    rows: rows.map((e) => ({
      ...e,
      texts: [[e.name], ...e.texts],
      nameRank: names.indexOf(e.name) + 1,
      namePred: below(
        (x) => x.name,
        e.name,
        (x) => x.name,
      ),
      refPred: below(
        (x) => x.ref,
        e.ref,
        (x) => x.id,
      ),
      nameTwin: twin(e.name),
      predTwin: twin(
        below(
          (x) => x.name,
          e.name,
          (x) => x.name,
        ),
      ),
    })),
  };
}

let seed = 11;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
let serial = 0;

function randomEntity(id = `id-${serial++}`): Entity {
  const name = pick(["pay", "orders", "Zeta", "alpha", "risk-db", "api", `svc-${Math.floor(rnd() * 40)}`]);
  return {
    id,
    ref: `${pick(["component", "api", "group"])}:default/${name}-${id}`,
    name,
    kind: pick(["component", "api", "group", `kind-${Math.floor(rnd() * 4)}`]),
    type: rnd() < 0.2 ? null : pick(["service", "website", `type-${Math.floor(rnd() * 6)}`]),
    owner: rnd() < 0.2 ? null : `group:default/team-${Math.floor(rnd() * 8)}`,
    lifecycle: rnd() < 0.3 ? null : pick(["production", "experimental"]),
    namespace: pick(["default", "other"]),
    tags: [...new Set(Array.from({ length: Math.floor(rnd() * 3) }, () => `t${Math.floor(rnd() * 9)}`))],
    orphan: rnd() < 0.1,
    updated: Math.floor(rnd() * 20),
    lexemes: [
      ...new Set(
        Array.from({ length: 1 + Math.floor(rnd() * 3) }, () =>
          pick(["pay", "payment", "ord", `w${Math.floor(rnd() * 30)}`]),
        ),
      ),
    ],
    texts: [
      rnd() < 0.5 ? null : [`the ${name}`],
      null,
      rnd() < 0.3 ? [`x${Math.floor(rnd() * 5)}`] : null,
      null,
    ],
  };
}

/** The same answers, and the same structures, as an index built in full from `after`. */
function expectEqualIndexes(delta: ListIndex, full: ListIndex) {
  for (const sort of SORTS) expect([...sortedRows(delta, sort)], sort).toEqual([...sortedRows(full, sort)]);
  expect([...rowsById(delta)]).toEqual([...rowsById(full)]);
  const { orders: _a, byId: _c, ...restDelta } = delta;
  const { orders: _b, byId: _d, ...restFull } = full;
  expect(restDelta).toEqual(restFull);
  for (const words of [["pay"], ["w1"], ["pay", "ord"], ["zz"]])
    expect([...matchWords(delta, words)]).toEqual([...matchWords(full, words)]);
  for (const term of ["pay", "the", "x1", "svc-1"])
    expect(
      matchFields(delta, ["metadata.name", "metadata.title", "spec.target", "metadata.tags"], term),
    ).toEqual(matchFields(full, ["metadata.name", "metadata.title", "spec.target", "metadata.tags"], term));
  const query = {
    words: [],
    includeOrphans: false,
    sort: "name" as const,
    offset: 0,
    limit: 50,
    facetLimit: 20,
  };
  for (const facets of [{}, { kind: ["component"] }, { tags: ["t1", "t2"], owner: ["group:default/team-1"] }])
    expect(evaluateList(delta, { ...query, facets })).toEqual(evaluateList(full, { ...query, facets }));
}

/** Builds the index of `before`, applies the change to `after`, and compares with a full build. */
async function check(before: Entity[], after: Entity[], changed: string[]) {
  const old = buildListIndex(sourceOf(before, "1"));
  for (const sort of SORTS) sortedRows(old, sort); // carried over by the delta
  const updated = await applyDelta(old, deltaOf(after, changed, "2"), sortValues);
  expectEqualIndexes(updated, buildListIndex(sourceOf(after, "2")));
  return updated;
}

const catalog = (n: number) => Array.from({ length: n }, () => randomEntity());
const edit = (entities: Entity[], id: string, change: Partial<Entity>) =>
  entities.map((e) => (e.id === id ? { ...e, ...change } : e));

describe("list index delta", () => {
  it("adds entities before, between and after the others, with names equal to or between theirs", async () => {
    const before = catalog(30);
    const added = [
      randomEntity(),
      randomEntity(),
      { ...randomEntity(), ref: "", name: "" },
      { ...randomEntity(), ref: "~" },
    ];
    await check(
      before,
      [...before, ...added],
      added.map((e) => e.id),
    );
  });

  it("deletes entities, dropping facet values, names and lexemes nobody holds any more", async () => {
    const before = catalog(30);
    const gone = before.filter((_, i) => i % 3 === 0).map((e) => e.id);
    await check(
      before,
      before.filter((e) => !gone.includes(e.id)),
      gone,
    );
    await check(
      before,
      [],
      before.map((e) => e.id),
    );
  });

  it("changes facet values (new ones sorted in), tags, orphan flag, update time and text", async () => {
    const before = catalog(30);
    const [a, b, c] = before;
    let after = edit(before, a.id, {
      kind: "aaa-new-kind",
      type: null,
      owner: "group:default/zz",
      tags: ["t0", "new-tag", null as unknown as string],
    });
    after = edit(after, b.id, { tags: [], orphan: !b.orphan, updated: 99, lifecycle: "m-new" });
    after = edit(after, c.id, { lexemes: ["brand-new", "pay"], texts: [["new title"], null, null, ["t"]] });
    await check(before, after, [a.id, b.id, c.id]);
  });

  it("renames entities: the name order changes, equal names share a rank", async () => {
    const before = catalog(30);
    const after = edit(
      edit(edit(before, before[0].id, { name: "aaaa" }), before[1].id, { name: before[2].name }),
      before[3].id,
      {
        name: "mmm",
      },
    );
    await check(before, after, [before[0].id, before[1].id, before[3].id]);
  });

  it("equals a full build over many random rounds of adds, changes and deletes", async () => {
    let entities = catalog(40);
    let index = buildListIndex(sourceOf(entities, "0"));
    sortedRows(index, "name");
    for (let round = 1; round <= 40; round++) {
      const changed = new Set<string>();
      for (let k = Math.floor(rnd() * 6); k >= 0; k--) {
        const roll = rnd();
        if (roll < 0.3 || entities.length === 0) {
          const e = randomEntity();
          entities = [...entities, e];
          changed.add(e.id);
        } else if (roll < 0.5) {
          const e = pick(entities);
          entities = entities.filter((x) => x !== e);
          changed.add(e.id);
        } else {
          const e = pick(entities);
          const fresh = randomEntity(e.id);
          entities = edit(entities, e.id, { ...fresh, ref: rnd() < 0.8 ? e.ref : fresh.ref });
          changed.add(e.id);
        }
      }
      // A logged id may also be unchanged or deleted-and-never-seen; both must be harmless.
      changed.add(rnd() < 0.5 ? pick(entities).id : "never-existed");
      index = await applyDelta(index, deltaOf(entities, [...changed], String(round)), sortValues);
      expectEqualIndexes(index, buildListIndex(sourceOf(entities, String(round))));
    }
  });

  it("refuses a delta whose neighbours the index does not hold", async () => {
    const before = catalog(5);
    const old = buildListIndex(sourceOf(before, "1"));
    const added = { ...randomEntity(), ref: "~~" };
    const stranger = { ...randomEntity(), ref: "~" };
    // The stranger precedes the added row but is neither in the index nor in the change list.
    const delta = deltaOf([...before, stranger, added], [added.id], "2");
    await expect(applyDelta(old, delta, sortValues)).rejects.toBeInstanceOf(DeltaMismatch);
  });
});
