import { MigrationInterface, QueryRunner } from "typeorm";

export class Analytics1795781310984 implements MigrationInterface {
    name = 'Analytics1795781310984'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "ticket_cause_rollup" ("store_id" uuid NOT NULL, "grain" text NOT NULL, "type" text NOT NULL, "cause_source" text NOT NULL, "period" date NOT NULL, "cause" text NOT NULL, "tickets" integer NOT NULL, "suggested" integer NOT NULL, "corrected" integer NOT NULL, CONSTRAINT "PK_92096257ae91424218296302f83" PRIMARY KEY ("store_id", "grain", "type", "cause_source", "period", "cause"))`);
        await queryRunner.query(`CREATE TABLE "ticket_item_rollup" ("store_id" uuid NOT NULL, "kind" text NOT NULL, "grain" text NOT NULL, "period" date NOT NULL, "key" text NOT NULL, "cause" text NOT NULL, "tickets" integer NOT NULL, "name" text NOT NULL DEFAULT '', CONSTRAINT "PK_34653c08f13c8638f86d4829651" PRIMARY KEY ("store_id", "kind", "grain", "period", "key", "cause"))`);
        await queryRunner.query(`ALTER TABLE "ticket_cause_rollup" ADD CONSTRAINT "FK_5871c28573e477c2bc3efb9e34d" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "ticket_item_rollup" ADD CONSTRAINT "FK_80dc5a90b2e53e2aad85830e480" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        // Written by hand: the triggers that keep both rollups exact, and the rebuild.
        // One ticket's contribution: +1 (new row) or -1 (old row), at its store-local day, ISO week
        // (Monday) and month; in the cause rollup also under type '*' and/or source '*' (so a query
        // without those filters reads a tenth of the rows), in the item rollup once per distinct SKU /
        // category of its items. Statement-level triggers with transition tables turn a whole
        // INSERT … SELECT or bulk UPDATE into one upsert per key; an UPDATE that changes none of the
        // counted columns nets to zero and writes nothing.
        const facts = (rows: string, sign: number) => `
            SELECT r.store_id, g.grain, g.period, coalesce(r.cause, '') AS cause, r.type, coalesce(r.cause_source, '') AS cause_source,
                   ${sign} AS n,
                   ${sign} * (r.suggested_cause IS NOT NULL)::int AS suggested,
                   ${sign} * (r.cause_source IS NOT DISTINCT FROM 'agent' AND r.suggested_cause IS NOT NULL AND r.cause IS DISTINCT FROM r.suggested_cause)::int AS corrected,
                   r.items
            FROM ${rows} r
            JOIN stores s ON s.id = r.store_id
            CROSS JOIN LATERAL (SELECT (r.created_at AT TIME ZONE s.timezone)::date AS day) d
            CROSS JOIN LATERAL (VALUES ('day', d.day), ('week', d.day - (extract(isodow FROM d.day)::int - 1)), ('month', date_trunc('month', d.day)::date)) g(grain, period)`;
        // Keys in sorted order, so concurrent writers lock rollup rows in the same order (no deadlock).
        const applyCauses = (delta: string) => `
                INSERT INTO ticket_cause_rollup AS t (store_id, grain, period, cause, type, cause_source, tickets, suggested, corrected)
                SELECT f.store_id, f.grain, f.period, f.cause, v.type, v.cause_source, sum(f.n), sum(f.suggested), sum(f.corrected)
                FROM (${delta}) f
                CROSS JOIN LATERAL (VALUES (f.type, f.cause_source), (f.type, '*'), ('*', f.cause_source), ('*', '*')) v(type, cause_source)
                GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(f.n) <> 0 OR sum(f.suggested) <> 0 OR sum(f.corrected) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
                ON CONFLICT (store_id, grain, period, cause, type, cause_source) DO UPDATE
                SET tickets = t.tickets + EXCLUDED.tickets, suggested = t.suggested + EXCLUDED.suggested, corrected = t.corrected + EXCLUDED.corrected;`;
        const applyItems = (delta: string) => `
                INSERT INTO ticket_item_rollup AS t (store_id, kind, grain, period, key, cause, tickets, name)
                SELECT f.store_id, i.kind, f.grain, f.period, i.key, f.cause, sum(f.n), coalesce(max(i.name) FILTER (WHERE f.n > 0), '')
                FROM (${delta}) f
                CROSS JOIN LATERAL (
                    SELECT 'sku' AS kind, e->>'sku' AS key, max(e->>'name') AS name FROM jsonb_array_elements(CASE jsonb_typeof(f.items) WHEN 'array' THEN f.items ELSE '[]' END) e WHERE e->>'sku' <> '' GROUP BY 2
                    UNION ALL
                    SELECT 'category', e->>'category', '' FROM jsonb_array_elements(CASE jsonb_typeof(f.items) WHEN 'array' THEN f.items ELSE '[]' END) e WHERE e->>'category' <> '' GROUP BY 2
                ) i
                GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(f.n) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
                ON CONFLICT (store_id, kind, grain, period, key, cause) DO UPDATE
                SET tickets = t.tickets + EXCLUDED.tickets, name = CASE WHEN EXCLUDED.name <> '' THEN EXCLUDED.name ELSE t.name END;`;
        const trigger = (name: string, delta: string) => `
            CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                ${applyCauses(delta)}
                ${applyItems(delta)}
                RETURN NULL;
            END $$`;
        await queryRunner.query(trigger('analytics_tickets_on_insert', facts('new_rows', 1)));
        await queryRunner.query(trigger('analytics_tickets_on_update', `${facts('new_rows', 1)} UNION ALL ${facts('old_rows', -1)}`));
        await queryRunner.query(trigger('analytics_tickets_on_delete', facts('old_rows', -1)));
        await queryRunner.query(`CREATE TRIGGER analytics_tickets_insert AFTER INSERT ON tickets REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_tickets_on_insert()`);
        await queryRunner.query(`CREATE TRIGGER analytics_tickets_update AFTER UPDATE ON tickets REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_tickets_on_update()`);
        await queryRunner.query(`CREATE TRIGGER analytics_tickets_delete AFTER DELETE ON tickets REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_tickets_on_delete()`);
        // The rollups recomputed from tickets, for one store or (NULL) all: `SELECT analytics_rebuild_rollups()`.
        // Ticket writes wait while it runs, so the result is exact; rows that fell to zero disappear.
        const allTickets = `${facts('tickets', 1)} WHERE only_store IS NULL OR r.store_id = only_store`;
        await queryRunner.query(`
            CREATE FUNCTION analytics_rebuild_rollups(only_store uuid DEFAULT NULL) RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
                LOCK TABLE tickets IN SHARE MODE;
                IF only_store IS NULL THEN
                    TRUNCATE ticket_cause_rollup, ticket_item_rollup;
                ELSE
                    DELETE FROM ticket_cause_rollup WHERE store_id = only_store;
                    DELETE FROM ticket_item_rollup WHERE store_id = only_store;
                END IF;
                ${applyCauses(allTickets)}
                ${applyItems(allTickets)}
            END $$`);
        // Buckets are store-local: a store that changes timezone has its rollup rows recomputed.
        await queryRunner.query(`
            CREATE FUNCTION analytics_stores_on_timezone() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM analytics_rebuild_rollups(NEW.id);
                RETURN NULL;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER analytics_stores_timezone AFTER UPDATE OF timezone ON stores FOR EACH ROW WHEN (OLD.timezone IS DISTINCT FROM NEW.timezone) EXECUTE FUNCTION analytics_stores_on_timezone()`);
        await queryRunner.query(`SELECT analytics_rebuild_rollups()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER analytics_stores_timezone ON stores`);
        await queryRunner.query(`DROP TRIGGER analytics_tickets_insert ON tickets`);
        await queryRunner.query(`DROP TRIGGER analytics_tickets_update ON tickets`);
        await queryRunner.query(`DROP TRIGGER analytics_tickets_delete ON tickets`);
        await queryRunner.query(`DROP FUNCTION analytics_stores_on_timezone(), analytics_rebuild_rollups(uuid), analytics_tickets_on_insert(), analytics_tickets_on_update(), analytics_tickets_on_delete()`);
        await queryRunner.query(`ALTER TABLE "ticket_item_rollup" DROP CONSTRAINT "FK_80dc5a90b2e53e2aad85830e480"`);
        await queryRunner.query(`ALTER TABLE "ticket_cause_rollup" DROP CONSTRAINT "FK_5871c28573e477c2bc3efb9e34d"`);
        await queryRunner.query(`DROP TABLE "ticket_item_rollup"`);
        await queryRunner.query(`DROP TABLE "ticket_cause_rollup"`);
    }

}
