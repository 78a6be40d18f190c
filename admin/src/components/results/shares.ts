/** Each row with its share of the rows' total, 0 when the total is: readers are counted once each, so the shares add up to 1. */
export const withShares = <T extends { count: number }>(rows: readonly T[]) => {
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  return rows.map((row) => ({ ...row, share: total ? row.count / total : 0 }));
};
