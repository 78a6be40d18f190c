import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import type { CampaignState } from '../../../../../shared/contracts/campaign-lifecycle';
import type { CampaignPauseReason } from '../../../../../shared/contracts/campaigns';
import type { StateStore } from '../../../db/lifecycle-moves';
import { createCampaignLifecycle } from '../lifecycle';
import type { PauseReasons } from '../pause-reasons';

/** Campaign states in a map, moved the way the real store moves them: only from a listed state. */
const fakeStore = (states: Record<number, CampaignState>) => {
  const effects: number[] = [];
  const store: StateStore<CampaignState> = {
    async move(id, from, to, alongside) {
      if (!from.includes(states[id])) return false;
      states[id] = to;
      if (alongside) {
        await alongside({} as Knex.Transaction);
        effects.push(id);
      }
      return true;
    },
    async stateOf(id) {
      return states[id] ?? null;
    },
  };
  const pauseReasons = new Map<number, CampaignPauseReason>();
  const reasons: PauseReasons = {
    async record(_trx, id, reason) {
      pauseReasons.set(id, reason);
    },
    async clear(_trx, id) {
      pauseReasons.delete(id);
    },
  };
  return { store, states, effects, reasons, pauseReasons };
};

const lifecycleOf = (fake: ReturnType<typeof fakeStore>) => createCampaignLifecycle(fake.store, fake.reasons);

describe('campaign lifecycle on the server', () => {
  it('takes an action only from the states it leaves', async () => {
    const fake = fakeStore({ 1: 'sending', 2: 'sent' });
    const { states } = fake;
    const lifecycle = lifecycleOf(fake);
    expect(await lifecycle.take(1, 'pause')).toBe(true);
    expect(states[1]).toBe('paused');
    expect(await lifecycle.take(2, 'pause')).toBe(false);
    expect(states[2]).toBe('sent');
  });

  it('lets one of two racing moves win', async () => {
    const fake = fakeStore({ 1: 'sending' });
    const { states } = fake;
    const lifecycle = lifecycleOf(fake);
    expect(await Promise.all([lifecycle.take(1, 'complete'), lifecycle.take(1, 'pause')])).toEqual([true, false]);
    expect(states[1]).toBe('sent');
  });

  it('runs the work that goes with a move only when the move happened', async () => {
    const fake = fakeStore({ 1: 'draft', 2: 'sent' });
    const { effects } = fake;
    const lifecycle = lifecycleOf(fake);
    const alongside = jest.fn(async () => undefined);
    await lifecycle.take(1, 'send', alongside);
    await lifecycle.take(2, 'send', alongside);
    expect(alongside).toHaveBeenCalledTimes(1);
    expect(effects).toEqual([1]);
  });

  it('refuses an editor action with the state the campaign is in now', async () => {
    const lifecycle = lifecycleOf(fakeStore({ 1: 'sending' }));
    // Read as paused by the editor, completed by the pipeline since.
    await lifecycle.take(1, 'complete');
    const refused = lifecycle.takeOrRefuse({ id: 1, name: 'Spring', state: 'paused' }, 'resume');
    await expect(refused).rejects.toBeInstanceOf(errors.ValidationError);
    await expect(refused).rejects.toThrow('Campaign "Spring" is sent: only a paused campaign can be resumed');
  });

  it('refuses before any work when the campaign as read cannot take the action', () => {
    const lifecycle = lifecycleOf(fakeStore({}));
    expect(() => lifecycle.assertCanTake({ id: 1, name: 'Spring', state: 'sent' }, 'send')).toThrow(
      'Campaign "Spring" is sent: only a draft or scheduled campaign can be sent'
    );
    expect(() => lifecycle.assertCanTake({ id: 1, name: 'Spring', state: 'scheduled' }, 'send')).not.toThrow();
  });

  it('keeps why the system paused a campaign until a resume, and only when the halt moved it', async () => {
    const fake = fakeStore({ 1: 'sending', 2: 'paused' });
    const lifecycle = lifecycleOf(fake);
    const reason: CampaignPauseReason = {
      cause: 'complaint-rate',
      message: 'complaint rate 1% is above 0.3%',
      at: '2026-12-05T10:00:00.000Z',
    };
    expect(await lifecycle.halt(1, reason)).toBe(true);
    expect(await lifecycle.halt(2, reason)).toBe(false);
    expect(fake.states).toEqual({ 1: 'paused', 2: 'paused' });
    expect([...fake.pauseReasons]).toEqual([[1, reason]]);

    await lifecycle.resume({ id: 1, name: 'Spring', state: 'paused' });
    expect(fake.states[1]).toBe('sending');
    expect(fake.pauseReasons.size).toBe(0);
  });

  it('tells each move it made once, with the reason of a system pause as it wrote it', async () => {
    const fake = fakeStore({ 1: 'sending', 2: 'scheduled', 3: 'draft' });
    const told: Array<[number, string, CampaignPauseReason | null]> = [];
    const lifecycle = createCampaignLifecycle(fake.store, fake.reasons, (id, action, reason) => void told.push([id, action, reason]));
    const reason: CampaignPauseReason = { cause: 'template-error', message: 'the template broke', at: '2026-12-05T10:00:00.000Z' };
    await lifecycle.halt(1, reason);
    await lifecycle.halt(1, reason);
    await lifecycle.resume({ id: 1, name: 'Spring', state: 'paused' });
    await lifecycle.take(1, 'pause');
    await lifecycle.miss(2, reason);
    await lifecycle.miss(3, reason);
    expect(told).toEqual([
      [1, 'halt', reason],
      [1, 'resume', null],
      [1, 'pause', null],
      [2, 'miss', reason],
    ]);
  });
});
