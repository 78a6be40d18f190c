import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import type { Lifecycle } from '../../../shared/contracts/lifecycle';

/** What a lifecycle needs of wherever its rows keep their state: one conditional move, one read. */
export interface StateStore<S extends string> {
  /**
   * Moves the row to `to` when it is in one of `from`, and answers whether this call moved it.
   * `alongside` runs in the same transaction when it did (a send freezes its audience with the move).
   */
  move(id: number, from: readonly S[], to: S, alongside?: (trx: Knex.Transaction) => Promise<void>): Promise<boolean>;
  stateOf(id: number): Promise<S | null>;
}

/** The row an editor's action names: enough to say why it was refused. */
export interface NamedRow<S extends string> {
  id: number;
  name: string;
  state: S;
}

/**
 * A lifecycle of shared/contracts applied on the server: every action is the conditional move its
 * transition declares (from its `from` states to its `to`), so of two racing moves exactly one
 * wins, and a refusal says which states the action needs.
 */
export const lifecycleMoves = <S extends string, A extends string>(
  lifecycle: Lifecycle<S, A>,
  store: StateStore<S>,
  /** Told of each move this process made, once it committed. */
  moved: (id: number, action: A) => void = () => undefined
) => {
  const take = async (id: number, action: A, alongside?: (trx: Knex.Transaction) => Promise<void>) => {
    const { from, to } = lifecycle.transitions[action];
    const did = await store.move(id, from, to, alongside);
    if (did) moved(id, action);
    return did;
  };

  const refusal = (row: NamedRow<S>, state: S, action: A) => new errors.ValidationError(lifecycle.refusalOf(row.name, state, action));

  return {
    take,
    stateOf: (id: number) => store.stateOf(id),

    /** A 400 before any work when the row, as read, is in no state the action leaves. */
    assertCanTake(row: NamedRow<S>, action: A) {
      if (!lifecycle.canTake(row.state, action)) throw refusal(row, row.state, action);
    },

    /**
     * An editor's action: taken, or a 400 naming the state the row is in now (another editor or a
     * job may have moved it since it was read).
     */
    async takeOrRefuse(row: NamedRow<S>, action: A, alongside?: (trx: Knex.Transaction) => Promise<void>) {
      if (await take(row.id, action, alongside)) return;
      throw refusal(row, (await store.stateOf(row.id)) ?? row.state, action);
    },
  };
};

/** The `state` column of a table, moved with one conditional UPDATE that also stamps `updated_at`. */
export const stateColumn = <S extends string>(knex: Knex, table: string, clock: () => number = Date.now): StateStore<S> => {
  const update = (db: Knex | Knex.Transaction, id: number, from: readonly S[], to: S) =>
    db(table)
      .where({ id })
      .whereIn('state', from as S[])
      .update({ state: to, updated_at: new Date(clock()) });

  return {
    async move(id, from, to, alongside) {
      if (!alongside) return (await update(knex, id, from, to)) === 1;
      return knex.transaction(async (trx) => {
        if ((await update(trx, id, from, to)) !== 1) return false;
        await alongside(trx);
        return true;
      });
    },

    async stateOf(id) {
      const row = await knex(table).select('state').where({ id }).first();
      return (row?.state as S | undefined) ?? null;
    },
  };
};
