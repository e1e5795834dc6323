import { z } from 'zod';
import { text } from '@kefu/contracts';
import { isMonth } from './statement-format';

/** A month in the address (`?month=2026-03`): a bad one is dropped (this month), not an error. */
export const MonthParam = text().refine(isMonth).optional().catch(undefined);

/** #/statements?month=2026-03&store=<id> — the desk's statements screen. */
export const StatementsSearch = z.object({ month: MonthParam, store: text().max(64).optional().catch(undefined) });
export type StatementsSearch = z.infer<typeof StatementsSearch>;
