import { FIRST_BATCH_ROWS, MAX_BATCH_ROWS, nextBatchRows } from '../batch-rows';

test('batches start small and double up to the cap', () => {
  const sizes = [FIRST_BATCH_ROWS];
  while (sizes.length < 8) sizes.push(nextBatchRows(sizes[sizes.length - 1]));
  expect(sizes).toEqual([500, 1000, 2000, 4000, 8000, 16000, 16000, 16000]);
  expect(MAX_BATCH_ROWS).toBe(16000);
});
