import { MigrationInterface, QueryRunner } from 'typeorm';
import { maskPersonalText } from '../../privacy/pii-mask.js';
import { gapKey } from '../../kb/kb-tokenizer.js';

interface Gap {
  id: string;
  store_id: string | null;
  lang: string;
  query: string;
  count: number;
  first_seen_at: Date;
  last_seen_at: Date;
}

/**
 * Written by hand (data only): knowledge-base gaps kept customers' phone numbers, addresses,
 * e-mails and names verbatim. Masks them as new gaps are masked; gaps that become the same question
 * are merged (counts added, first and last seen kept). Not reversible: down() leaves them masked.
 */
export class MaskKbGaps1796170600000 implements MigrationInterface {
  name = 'MaskKbGaps1796170600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const gaps: Gap[] = await queryRunner.query(`SELECT id, store_id, lang, query, count, first_seen_at, last_seen_at FROM kb_gaps ORDER BY first_seen_at, id`);
    const groups = new Map<string, { query: string; rows: Gap[] }>();
    for (const g of gaps) {
      const query = gapKey(maskPersonalText(g.query));
      const key = JSON.stringify([g.store_id, g.lang, query]);
      groups.set(key, { query, rows: [...(groups.get(key)?.rows ?? []), g] });
    }
    for (const { query, rows } of groups.values()) {
      if (rows.length === 1 && rows[0].query === query) continue;
      const keep = rows.find((r) => r.query === query) ?? rows[0];
      const others = rows.filter((r) => r !== keep).map((r) => r.id);
      if (others.length) await queryRunner.query(`DELETE FROM kb_gaps WHERE id = ANY($1::uuid[])`, [others]);
      await queryRunner.query(`UPDATE kb_gaps SET query = $2, count = $3, first_seen_at = $4, last_seen_at = $5 WHERE id = $1`, [
        keep.id,
        query,
        rows.reduce((n, r) => n + r.count, 0),
        new Date(Math.min(...rows.map((r) => r.first_seen_at.getTime()))),
        new Date(Math.max(...rows.map((r) => r.last_seen_at.getTime()))),
      ]);
    }
  }

  public async down(): Promise<void> {
    // What was masked cannot be unmasked.
  }
}
