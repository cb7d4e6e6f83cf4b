import fc from "fast-check";

/**
 * Generic hostile inputs. Everything is produced as text (JSON text, query strings), not as
 * JS objects, so keys like `__proto__` reach the server exactly as an attacker would send them.
 */

export const PROTO_KEYS = ["__proto__", "constructor", "prototype"];

/** Names the prototype probe checks for after every request (besides a full for-in scan). */
export const PROBE_NAMES = ["polluted", "x", "isAdmin", "fuzzProbe", "toString", "valueOf"];

const NUMBER_TEXT = [
  "0",
  "-0",
  "1e999",
  "-1e999",
  "1e-999",
  "123456789012345678901234567890",
  "9007199254740993",
  "-9007199254740993",
  "0.1",
  "1.5",
  "-1",
  "4294967296",
  "1E308",
  "2147483648",
];

export const weirdString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "",
      " ",
      "\u0000",
      "a\u0000b",
      "\ud800",
      "\udfff",
      "x\ud800y",
      "\ufeff",
      "\u202e",
      "%00",
      "%",
      "%zz",
      "..",
      "../../etc/passwd",
      "/",
      "\\",
      ",",
      "=",
      ":",
      ".",
      "*",
      "'",
      '"',
      "`",
      "$",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal template placeholder is the point
      "${x}",
      "$text",
      "{{x}}",
      "<script>",
      "null",
      "undefined",
      "NaN",
      "true",
      "component:default/checkout-api",
      "javascript:alert(1)",
      "data:text/html,x",
      "\n",
      "\r\n",
      "\t",
      ...PROTO_KEYS,
      "__proto__.polluted",
      "spec.__proto__.polluted",
      "metadata.__proto__",
      "constructor.prototype.polluted",
    ),
  },
  { weight: 1, arbitrary: fc.nat({ max: 5 }).map((n) => "a".repeat(10 ** n)) },
  { weight: 1, arbitrary: fc.nat({ max: 4 }).map((n) => ".".repeat(8 ** n)) },
  { weight: 1, arbitrary: fc.nat({ max: 4 }).map((n) => "a ".repeat(8 ** n)) },
);

/** JSON string literal; lone surrogates sometimes escaped (`\ud800`) so JSON.parse yields them intact. */
export const jsonString = (s: fc.Arbitrary<string> = weirdString) =>
  fc.tuple(s, fc.boolean()).map(([v, escapeSurrogates]) => {
    const text = JSON.stringify(v);
    return escapeSurrogates
      ? text.replace(/[\ud800-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)
      : text;
  });

const jsonNumber = fc.oneof(
  fc.constantFrom(...NUMBER_TEXT),
  fc
    .double({ noNaN: true, noDefaultInfinity: true })
    .map(String)
    .filter((s) => s !== "Infinity" && s !== "-Infinity"),
  fc.integer().map(String),
);

export const hostileKey = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PROTO_KEYS) },
  { weight: 3, arbitrary: weirdString },
  { weight: 1, arbitrary: fc.constantFrom(...PROBE_NAMES) },
);

/** Builds `{"k":v,...}` text from entries (duplicates and `__proto__` kept verbatim). */
export function objectText(entries: [string, string][]): string {
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(",")}}`;
}

/** Random JSON text, any shape, with hostile scalars and keys. */
export const jsonValue: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom("null", "true", "false"),
    jsonNumber,
    jsonString(),
    fc.array(tie("value"), { maxLength: 4 }).map((xs) => `[${xs.join(",")}]`),
    fc.array(fc.tuple(hostileKey, tie("value")), { maxLength: 4 }).map(objectText),
  ),
})).value;

/** `[[[[…]]]]` or `{"a":{"a":…}}` nested `depth` levels. */
export const deepNesting = fc
  .tuple(fc.constantFrom(100, 1_000, 10_000, 100_000), fc.constantFrom("array", "object", "proto"))
  .map(([depth, shape]) => {
    if (shape === "array") return `${"[".repeat(depth)}${"]".repeat(depth)}`;
    const key = shape === "proto" ? "__proto__" : "a";
    return `${`{"${key}":`.repeat(depth)}1${"}".repeat(depth)}`;
  });

/** Bodies that are not JSON at all, or JSON broken in small ways. */
export const brokenJson = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "{",
    "}",
    "[",
    '{"a":',
    "nul",
    "{'a':1}",
    '{"a":1,}',
    "\u0000",
    "\ufeff{}",
    "{}{}",
    "[]",
    "1",
    '"x"',
  ),
  jsonValue.map((v) => v.slice(0, Math.max(0, v.length - 1))),
  jsonValue.map((v) => `${v}garbage`),
  fc.string({ unit: "binary", maxLength: 200 }),
);

/** An oversized body just above a typical limit, mostly valid JSON. */
export const oversizedBody = fc
  .tuple(
    fc.constantFrom(
      16 * 1024 + 1,
      64 * 1024 + 1,
      256 * 1024 + 1,
      1024 * 1024 + 1,
      4 * 1024 * 1024 + 1,
      8 * 1024 * 1024,
    ),
    fc.constantFrom("string", "array", "spaces"),
  )
  .map(([bytes, shape]) => {
    if (shape === "array") return `[${"0,".repeat(Math.floor(bytes / 2))}0]`;
    if (shape === "spaces") return `${" ".repeat(bytes)}{}`;
    return `{"error_message":"${"a".repeat(bytes)}","query":"${"b".repeat(64)}","yaml":"x"}`;
  });

export const contentType = fc.oneof(
  { weight: 12, arbitrary: fc.constant("application/json") },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      undefined,
      "application/json; charset=utf-8",
      "application/json; charset=utf-16",
      "application/vnd.backstage+json",
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/xml",
      "application/jsonx",
      "json",
      "",
      ";",
      "application/json\u0000",
    ),
  },
);

/** A query-string value or key as it would appear on the wire: sometimes encoded, sometimes raw junk. */
export const wireText = (s: fc.Arbitrary<string> = weirdString) =>
  fc.oneof(
    { weight: 4, arbitrary: s.map(safeEncode) },
    { weight: 1, arbitrary: s },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "%",
        "%zz",
        "%00",
        "%ff",
        "%ud800",
        "%ED%A0%80",
        "%C0%AE",
        "+",
        "&",
        "=",
        "#",
        "%23",
        "a%2Cb",
      ),
    },
  );

/** encodeURIComponent that does not throw on lone surrogates (they become their raw %ED… bytes). */
export function safeEncode(s: string): string {
  let out = "";
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xd800 && code <= 0xdfff) {
      out +=
        `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
    } else out += encodeURIComponent(ch);
  }
  return out;
}
