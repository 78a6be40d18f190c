import type { Knex } from 'knex';
import type { Dialect } from '../segments/json-path';

/**
 * SQL reading the link id out of a tracked click's data (`{"linkId": 12, "client": ...}`, see
 * events/delivery-event.ts), per database; NULL for every other event. Only the tracking endpoints
 * write `source = 'tracking'`, always as JSON, so the JSON functions never meet other text.
 * `e` is the events table's alias.
 */
export const trackedClickLinkId = (knex: Knex, dialect: Dialect): Knex.Raw => {
  const tracked = `e.type = 'click' AND e.source = 'tracking'`;
  switch (dialect) {
    case 'sqlite':
      return knex.raw(`CASE WHEN ${tracked} AND json_valid(e.data) THEN json_extract(e.data, '$.linkId') END`);
    case 'postgres':
      return knex.raw(
        `CASE WHEN ${tracked} AND jsonb_typeof(CAST(e.data AS jsonb) -> 'linkId') = 'number' THEN CAST(CAST(e.data AS jsonb) ->> 'linkId' AS numeric) END`
      );
    case 'mysql':
      return knex.raw(`CASE WHEN ${tracked} AND JSON_VALID(e.data) THEN JSON_EXTRACT(e.data, '$.linkId') END`);
  }
};
