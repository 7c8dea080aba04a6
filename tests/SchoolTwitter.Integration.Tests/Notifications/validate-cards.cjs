// Parses and validates Adaptive Cards with Microsoft's `adaptivecards` package, the library the Adaptive Cards renderers
// are built on. Usage: node validate-cards.cjs <cards.json> [--max-version 1.5]
// cards.json is [{ "name": "...", "card": { ...AdaptiveCard... } }]. Every parse event, every validation failure and every
// property the library ignores (read but dropped when the card is written back) is a problem. Exit codes: 0 all valid,
// 1 problems found (each printed), 2 bad usage, 3 the adaptivecards package is not installed.
"use strict";

const fs = require("node:fs");

let AC;
try {
  // The package's main entry is ES modules without file extensions; its dist bundle loads in plain Node.
  AC = require("adaptivecards/dist/adaptivecards.js");
} catch (e) {
  console.error(`MISSING: the npm package adaptivecards is not installed (${e.code || e.message}); run npm ci in the repository root.`);
  process.exit(3);
}

const args = process.argv.slice(2);
const file = args[0];
const maxIndex = args.indexOf("--max-version");
const maxVersion = maxIndex >= 0 ? args[maxIndex + 1] : "1.5";
if (!file) {
  console.error("usage: node validate-cards.cjs <cards.json> [--max-version 1.5]");
  process.exit(2);
}

const versionOf = (text) => {
  const match = /^(\d+)\.(\d+)$/.exec(String(text));
  return match ? new AC.Version(Number(match[1]), Number(match[2])) : undefined;
};
const max = versionOf(maxVersion);

/** Paths in `input` that the library did not write back (unknown or ignored), or wrote back differently. */
function lost(input, output, path, found) {
  if (Array.isArray(input)) {
    const kept = Array.isArray(output) ? output : [];
    // Items the library dropped (an unknown element) leave the rest in order: pair them up by type.
    let j = 0;
    input.forEach((item, i) => {
      const sameType = j < kept.length && (item === null || typeof item !== "object" || kept[j]?.type === item.type);
      if (sameType) lost(item, kept[j++], `${path}[${i}]`, found);
      else found.push(`${path}[${i}]: dropped by the library`);
    });
    return;
  }
  if (input !== null && typeof input === "object") {
    for (const key of Object.keys(input)) {
      if (key === "$schema") continue;
      const where = path ? `${path}.${key}` : key;
      const emptyList = Array.isArray(input[key]) && input[key].length === 0;
      if (emptyList && (output === null || typeof output !== "object" || !(key in output))) continue;
      if (output === null || typeof output !== "object" || !(key in output)) {
        found.push(`${where}: ignored by the library (unknown here, or not allowed in this card version)`);
      } else {
        lost(input[key], output[key], where, found);
      }
    }
    return;
  }
  if (input !== output) found.push(`${path}: written back as ${JSON.stringify(output)} instead of ${JSON.stringify(input)}`);
}

function validate(card) {
  const problems = [];
  const version = versionOf(card && card.version);
  if (!version) return [`version ${JSON.stringify(card && card.version)} is not a card version`];
  if (!max || !AC.isVersionLessOrEqual(version, max)) problems.push(`version ${card.version} is newer than ${maxVersion}, which Teams renders`);

  const context = new AC.SerializationContext(version);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    problems.push(`parse: ${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  for (const e of parsed.validateProperties().validationEvents) {
    problems.push(`validate: ${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  lost(card, parsed.toJSON(new AC.SerializationContext(version)), "", problems);
  return problems;
}

const cards = JSON.parse(fs.readFileSync(file, "utf8"));
let failed = 0;
for (const { name, card } of cards) {
  const problems = validate(card);
  if (problems.length === 0) continue;
  failed++;
  for (const problem of problems) console.log(`${name}: ${problem}`);
}
console.log(`adaptivecards ${require("adaptivecards/package.json").version}: ${cards.length - failed} of ${cards.length} cards valid (at most version ${maxVersion})`);
process.exit(failed === 0 ? 0 : 1);
