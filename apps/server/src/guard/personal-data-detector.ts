import { type GuardText, isAsciiWord, isWholeWord, looseForm, looseSpan, normSpan } from './guard-text.js';

export interface PersonalDataHit {
  start: number;
  end: number;
  what: 'id_card' | 'customer_name' | 'customer_phone';
}

// A mainland resident ID number: region, birth date 19xx/20xx, sequence, check digit or X.
const ID_CARD = /(?<![0-9])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9x](?![0-9a-z])/g;

export function findIdCards(t: GuardText): PersonalDataHit[] {
  return [...t.norm.matchAll(ID_CARD)].map((m) => ({ ...normSpan(t, m.index, m.index + m[0].length), what: 'id_card' as const }));
}

/** Where names of other customers occur (in their matching form); ASCII names only as whole words. */
export function findNames(t: GuardText, names: readonly string[]): PersonalDataHit[] {
  const hits: PersonalDataHit[] = [];
  for (const name of new Set(names.map(looseForm))) {
    if (name.length < 2) continue;
    for (let at = t.loose.indexOf(name); at >= 0; at = t.loose.indexOf(name, at + name.length)) {
      if (isAsciiWord(name) && !isWholeWord(t, at, at + name.length)) continue;
      hits.push({ ...looseSpan(t, at, at + name.length), what: 'customer_name' });
    }
  }
  return hits;
}
