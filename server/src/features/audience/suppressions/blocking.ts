import type { Knex } from 'knex';

/** The suppressions table and the join table of its `topic` relation, by the names Strapi gave them. */
export interface SuppressionTables {
  suppressions: string;
  topicLinks: { table: string; suppressionColumn: string; topicColumn: string };
}

export interface BlockingOptions {
  /** The topic of the campaign being sent: its topic-scoped suppressions block too. null: only global ones. */
  topicId: number | null;
  now: Date;
}

/**
 * The active suppressions that keep the address whose hash is `emailHashColumn` from a campaign:
 * global ones, and those scoped to the campaign's topic. Matched on the hash, so an erased address
 * stays blocked; an expired one stops counting by itself. Dispatch (the segment's anti-join) and
 * the re-check right before sending both read this one subquery, so they can never disagree.
 */
export const blockingSuppressions = (knex: Knex, tables: SuppressionTables, emailHashColumn: string, options: BlockingOptions) => {
  const { table, suppressionColumn, topicColumn } = tables.topicLinks;
  return knex(`${tables.suppressions} as s`)
    .select(knex.raw('1'))
    .whereRaw('s.email_hash = ??', [emailHashColumn])
    .where((active) => active.whereNull('s.expires_at').orWhere('s.expires_at', '>', options.now))
    .where((scope) => {
      scope.where('s.scope', 'global');
      if (options.topicId !== null) {
        scope.orWhere((topic) =>
          topic.where('s.scope', 'topic').whereExists((link) =>
            link
              .select(knex.raw('1'))
              .from(table)
              .whereRaw('??.?? = s.id', [table, suppressionColumn])
              .where(`${table}.${topicColumn}`, options.topicId as number)
          )
        );
      }
    });
};
