import { planScan, uidsToTake } from '../scan-plan';

describe('planScan', () => {
  const folder = { uidValidity: 1700000000, uidNext: 42 };

  it('reads the whole folder the first time', () => {
    expect(planScan(null, folder)).toEqual({ from: 1, rescan: 'first scan' });
  });

  it('goes on after the last UID handed over', () => {
    expect(planScan({ uidValidity: 1700000000, lastUid: 17 }, folder)).toEqual({ from: 18, rescan: null });
  });

  it('goes on when nothing new came (the next UID is the checkpoint + 1)', () => {
    expect(planScan({ uidValidity: 1700000000, lastUid: 41 }, folder)).toEqual({ from: 42, rescan: null });
  });

  it('reads the folder again when its UIDVALIDITY changed', () => {
    expect(planScan({ uidValidity: 1600000000, lastUid: 17 }, folder)).toEqual({ from: 1, rescan: 'UIDVALIDITY changed' });
  });

  it('reads the folder again when the checkpoint is past the UID the server will give next', () => {
    expect(planScan({ uidValidity: 1700000000, lastUid: 42 }, folder)).toEqual({ from: 1, rescan: 'checkpoint ahead of the folder' });
  });

  it('trusts the checkpoint when the server gives no next UID', () => {
    expect(planScan({ uidValidity: 1700000000, lastUid: 90 }, { uidValidity: 1700000000, uidNext: 0 })).toEqual({ from: 91, rescan: null });
  });
});

describe('uidsToTake', () => {
  it('drops the last message that `<from>:*` matches when every UID is below from', () => {
    expect(uidsToTake([12], 13)).toEqual([]);
  });

  it('keeps UIDs from `from` on, ascending and once', () => {
    expect(uidsToTake([20, 13, 15, 15, 9], 13)).toEqual([13, 15, 20]);
  });
});
