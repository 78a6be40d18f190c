import { createSerial } from '../serial';

test('work for one key runs one after the other, other keys alongside, and a failure does not stop the next', async () => {
  const serial = createSerial();
  const log: string[] = [];
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const first = serial('a', async () => {
    log.push('a1 start');
    await gate;
    log.push('a1 end');
    throw new Error('a1 failed');
  });
  const second = serial('a', async () => {
    log.push('a2');
    return 2;
  });
  const other = serial('b', async () => {
    log.push('b1');
    return 'b';
  });
  await expect(other).resolves.toBe('b');
  expect(log).toEqual(['a1 start', 'b1']);
  release();
  await expect(first).rejects.toThrow('a1 failed');
  await expect(second).resolves.toBe(2);
  expect(log).toEqual(['a1 start', 'b1', 'a1 end', 'a2']);
});
