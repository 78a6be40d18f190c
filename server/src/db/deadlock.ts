/**
 * PostgreSQL's and MySQL's answer to two transactions that wait on each other: one of them may
 * simply run again. MariaDB answers a deadlock on a table's AUTO-INC lock (an INSERT ... SELECT
 * holds it for the whole statement) with "Failed to read auto-increment value", having rolled the
 * transaction back just the same (MDEV-33593).
 */
export const isDeadlock = (error: unknown) => {
  const { code, errno } = (error ?? {}) as { code?: string; errno?: number };
  return code === '40P01' || code === 'ER_LOCK_DEADLOCK' || errno === 1213 || code === 'ER_AUTOINC_READ_FAILED' || errno === 1467;
};

const ATTEMPTS = 5;

/**
 * Runs `work` again when the database chose it as a deadlock's victim, after a short random pause
 * so the two do not meet again. Only for work that is a whole statement or a whole transaction of
 * its own: MySQL rolls back the entire transaction of the victim, so a statement inside a caller's
 * transaction cannot be re-run by itself.
 */
export const retryDeadlocks = async <T>(work: () => Promise<T>, attempts = ATTEMPTS): Promise<T> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (!isDeadlock(error) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
};
