// The building blocks of every schema: the one place where strings, names and instants are
// cleaned and bounded, so every route, the webhooks and the console get the same rules.
// (ESLint forbids bare z.string() and z.iso.* elsewhere.)
import { z } from 'zod';

// C0 control characters but tab, line feed and carriage return; DEL; the C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// Bidi embeddings, overrides and isolates, zero-width spaces and joiners, word joiners, the BOM.
const INVISIBLE = /[\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Text without control characters (a NUL cannot even be stored); newlines and tabs stay. */
export const cleanText = (s: string): string => s.replace(CONTROL, '');
/** A name as it reads: also without bidi overrides and invisible characters that would disguise it. */
export const cleanName = (s: string): string => cleanText(s).replace(INVISIBLE, '');

/** Any string the desk is sent (or describes): control characters stripped before any check. */
export const text = () => z.string().overwrite(cleanText);
/** The name of a person, store, channel or supplier. */
export const displayName = () => z.string().overwrite(cleanName);
/** A password: never stored as text (only hashed), so taken exactly as typed. */
export const secret = () => z.string();

/** Instants the desk accepts: anything outside is a typo or an attack, not a date. */
export const EARLIEST_INSTANT = '2000-01-01T00:00:00Z';
export const LATEST_INSTANT = '2100-01-01T00:00:00Z';
export const inInstantRange = (ms: number) => ms >= Date.parse(EARLIEST_INSTANT) && ms < Date.parse(LATEST_INSTANT);
const RANGE = 'must be between 2000 and 2100';

/** An ISO-8601 date-time with offset, within the years the desk accepts. */
export const instant = () =>
  z.iso
    .datetime({ offset: true, error: 'must be an ISO-8601 date-time with offset, e.g. 2026-03-01T00:00:00+08:00' })
    .refine((s) => inInstantRange(Date.parse(s)), RANGE);

/** A calendar date YYYY-MM-DD, within the same years. */
export const calendarDate = () => z.iso.date().refine((d) => inInstantRange(Date.parse(`${d}T12:00:00Z`)), RANGE);
