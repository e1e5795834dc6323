import type { EntityMetadata } from 'typeorm';

/** Maps a raw `RETURNING *` row (snake_case columns) to an entity object, by the entity's metadata. */
export function entityFromRow<T>(metadata: EntityMetadata, row: Record<string, unknown>): T {
  const entity: Record<string, unknown> = {};
  for (const column of metadata.columns) {
    if (column.databaseName in row) entity[column.propertyName] = row[column.databaseName];
  }
  return entity as T;
}
