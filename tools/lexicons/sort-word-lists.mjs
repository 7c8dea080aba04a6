// Sorts the two British word lists by their folded form (lower case, accents removed: TextFolding's reading of the lists'
// letters), keeping each file's # header. The checker finds a word in them by bisection before its hash table is built (the
// CLI checks one draft and exits long before that), so the order is part of the data: WordListOrderTests fails if it drifts.
// Usage: node tools/lexicons/sort-word-lists.mjs   (run after regenerating either list)
import fs from 'node:fs';

const data = new URL('../../src/SchoolTwitter.Core/Lexicons/Data/', import.meta.url);
const fold = (w) => w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const ordinal = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

for (const name of ['british-words.txt', 'british-words-cspell.txt']) {
  const file = new URL(name, data);
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const header = [];
  while (lines.length && lines[0].startsWith('#')) header.push(lines.shift());
  const words = lines.map((l) => l.trim()).filter((l) => l.length > 0);
  // UTF-16 code unit order, as .NET's ordinal comparison; ties (Mark, mark) by the word as written.
  words.sort((a, b) => ordinal(fold(a), fold(b)) || ordinal(a, b));
  fs.writeFileSync(file, [...header, ...words].join('\n') + '\n');
  console.log(`${name}: ${words.length} words sorted by folded form`);
}
