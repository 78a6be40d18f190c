import type { Core } from '@strapi/strapi';

/**
 * Runs `task` once the write that is under way has committed: at once when no transaction is
 * open (a `strapi.db.query` write outside one has committed by the time its after-hook runs), or
 * from the transaction's commit callbacks (the document service wraps every write in one; Strapi
 * emits its own entry events the same way). A rolled-back write then never reaches the contacts,
 * and the contact writes never run inside the source's transaction, where a failed statement
 * would abort it on PostgreSQL and a second connection would wait on SQLite's single one.
 */
export const afterCommit = async (strapi: Core.Strapi, task: () => void) => {
  if (!strapi.db.inTransaction()) {
    task();
    return;
  }
  // Inside an open transaction this joins it, so onCommit lands on its commit callbacks.
  await strapi.db.transaction(async ({ onCommit }: { onCommit: (callback: () => void) => void }) => onCommit(task));
};
