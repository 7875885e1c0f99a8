// Labels in bs, hr, sr-Latn, sr-Cyrl and en: chosen from the browser's languages, switchable, remembered.
import { bs, hr, srLatn, en } from './messages.js';

export const LANGUAGES = [
  ['bs', 'Bosanski'], ['hr', 'Hrvatski'], ['sr-Latn', 'Srpski (latinica)'], ['sr-Cyrl', 'Српски (ћирилица)'], ['en', 'English'],
];
const STORED = 'refnet.lang';

const LATIN_TO_CYRILLIC = [
  ['Dž', 'Џ'], ['DŽ', 'Џ'], ['dž', 'џ'], ['Lj', 'Љ'], ['LJ', 'Љ'], ['lj', 'љ'], ['Nj', 'Њ'], ['NJ', 'Њ'], ['nj', 'њ'],
];
const LETTERS = {
  A: 'А', B: 'Б', C: 'Ц', Č: 'Ч', Ć: 'Ћ', D: 'Д', Đ: 'Ђ', E: 'Е', F: 'Ф', G: 'Г', H: 'Х', I: 'И', J: 'Ј', K: 'К',
  L: 'Л', M: 'М', N: 'Н', O: 'О', P: 'П', R: 'Р', S: 'С', Š: 'Ш', T: 'Т', U: 'У', V: 'В', Z: 'З', Ž: 'Ж',
};

/** Names and abbreviations that stay in Latin letters in Cyrillic text, and the {placeholders}. */
const KEPT = /(\{[a-zA-Z]+\}|RefNet BiH|PDF|CSV|XLSX|ID)/;

/** Serbian Latin to Cyrillic. */
export function toCyrillic(text) {
  return text.split(KEPT).map((part, i) => {
    if (i % 2 === 1) return part;
    let out = part;
    for (const [latin, cyrillic] of LATIN_TO_CYRILLIC) out = out.split(latin).join(cyrillic);
    return [...out].map(ch => {
      const upper = LETTERS[ch];
      if (upper) return upper;
      const lower = LETTERS[ch.toUpperCase()];
      return lower && ch !== ch.toUpperCase() ? lower.toLowerCase() : ch;
    }).join('');
  }).join('');
}

const srLatnAll = { ...bs, ...srLatn };
const DICTIONARIES = {
  bs, hr: { ...bs, ...hr }, 'sr-Latn': srLatnAll, en,
  'sr-Cyrl': Object.fromEntries(Object.entries(srLatnAll).map(([k, v]) => [k, toCyrillic(v)])),
};

/** The first of the browser's languages we have; Serbian without a script is Cyrillic, as the services take it. */
export function fromBrowser(preferred = navigator.languages || [navigator.language]) {
  for (const tag of preferred) {
    const t = (tag || '').toLowerCase();
    if (t.startsWith('sr-latn')) return 'sr-Latn';
    if (t.startsWith('sr')) return 'sr-Cyrl';
    if (t.startsWith('hr')) return 'hr';
    if (t.startsWith('bs')) return 'bs';
    if (t.startsWith('en')) return 'en';
  }
  return 'bs';
}

let current = (() => {
  const stored = localStorage.getItem(STORED);
  return DICTIONARIES[stored] ? stored : fromBrowser();
})();

export function language() {
  return current;
}

export function setLanguage(lang) {
  if (!DICTIONARIES[lang]) return;
  current = lang;
  localStorage.setItem(STORED, lang);
  document.documentElement.lang = lang;
}

export function t(key, params = {}) {
  const text = DICTIONARIES[current][key] ?? en[key] ?? key;
  return text.replace(/\{([a-zA-Z]+)\}/g, (_, name) => (params[name] ?? ''));
}

/** A code's label when there is one (statuses, reasons …), else the code itself. */
export function label(prefix, code) {
  if (code == null) return '';
  const key = `${prefix}.${code}`;
  const text = t(key);
  return text === key ? code : text;
}

export function formatDateTime(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatTime(date) {
  return date.toLocaleTimeString(locale());
}

function locale() {
  return current === 'sr-Cyrl' ? 'sr-Cyrl-BA' : current === 'sr-Latn' ? 'sr-Latn-BA' : current === 'en' ? 'en-GB' : `${current}-BA`;
}
