import { isDeadlock, retryDeadlocks } from '../deadlock';

const mysqlDeadlock = () => Object.assign(new Error('Deadlock found when trying to get lock'), { code: 'ER_LOCK_DEADLOCK', errno: 1213 });

describe('retryDeadlocks', () => {
  test('knows each database’s deadlock and nothing else', () => {
    expect(isDeadlock(mysqlDeadlock())).toBe(true);
    expect(isDeadlock(Object.assign(new Error('deadlock detected'), { code: '40P01' }))).toBe(true);
    expect(
      isDeadlock(Object.assign(new Error('Failed to read auto-increment value'), { code: 'ER_AUTOINC_READ_FAILED', errno: 1467 }))
    ).toBe(true);
    expect(isDeadlock(Object.assign(new Error('duplicate'), { code: '23505' }))).toBe(false);
    expect(isDeadlock(undefined)).toBe(false);
  });

  test('runs a deadlock’s victim again and answers what the next run answers', async () => {
    let runs = 0;
    const result = await retryDeadlocks(async () => {
      runs += 1;
      if (runs < 3) throw mysqlDeadlock();
      return 'done';
    });
    expect([result, runs]).toEqual(['done', 3]);
  });

  test('throws any other error at once, and a deadlock that keeps coming after the last attempt', async () => {
    let runs = 0;
    const other = new Error('no such table');
    await expect(
      retryDeadlocks(async () => {
        runs += 1;
        throw other;
      })
    ).rejects.toBe(other);
    expect(runs).toBe(1);
    runs = 0;
    await expect(
      retryDeadlocks(async () => {
        runs += 1;
        throw mysqlDeadlock();
      }, 3)
    ).rejects.toMatchObject({ code: 'ER_LOCK_DEADLOCK' });
    expect(runs).toBe(3);
  });
});
