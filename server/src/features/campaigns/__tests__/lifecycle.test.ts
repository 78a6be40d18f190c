import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import type { CampaignState } from '../../../../../shared/contracts/campaign-lifecycle';
import type { StateStore } from '../../../db/lifecycle-moves';
import { createCampaignLifecycle } from '../lifecycle';

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
  return { store, states, effects };
};

describe('campaign lifecycle on the server', () => {
  it('takes an action only from the states it leaves', async () => {
    const { store, states } = fakeStore({ 1: 'sending', 2: 'sent' });
    const lifecycle = createCampaignLifecycle(store);
    expect(await lifecycle.take(1, 'pause')).toBe(true);
    expect(states[1]).toBe('paused');
    expect(await lifecycle.take(2, 'pause')).toBe(false);
    expect(states[2]).toBe('sent');
  });

  it('lets one of two racing moves win', async () => {
    const { store, states } = fakeStore({ 1: 'sending' });
    const lifecycle = createCampaignLifecycle(store);
    expect(await Promise.all([lifecycle.take(1, 'complete'), lifecycle.take(1, 'pause')])).toEqual([true, false]);
    expect(states[1]).toBe('sent');
  });

  it('runs the work that goes with a move only when the move happened', async () => {
    const { store, effects } = fakeStore({ 1: 'draft', 2: 'sent' });
    const lifecycle = createCampaignLifecycle(store);
    const alongside = jest.fn(async () => undefined);
    await lifecycle.take(1, 'send', alongside);
    await lifecycle.take(2, 'send', alongside);
    expect(alongside).toHaveBeenCalledTimes(1);
    expect(effects).toEqual([1]);
  });

  it('refuses an editor action with the state the campaign is in now', async () => {
    const { store } = fakeStore({ 1: 'sending' });
    const lifecycle = createCampaignLifecycle(store);
    // Read as paused by the editor, completed by the pipeline since.
    await lifecycle.take(1, 'complete');
    const refused = lifecycle.takeOrRefuse({ id: 1, name: 'Spring', state: 'paused' }, 'resume');
    await expect(refused).rejects.toBeInstanceOf(errors.ValidationError);
    await expect(refused).rejects.toThrow('Campaign "Spring" is sent: only a paused campaign can be resumed');
  });

  it('refuses before any work when the campaign as read cannot take the action', () => {
    const lifecycle = createCampaignLifecycle(fakeStore({}).store);
    expect(() => lifecycle.assertCanTake({ id: 1, name: 'Spring', state: 'sent' }, 'send')).toThrow(
      'Campaign "Spring" is sent: only a draft or scheduled campaign can be sent'
    );
    expect(() => lifecycle.assertCanTake({ id: 1, name: 'Spring', state: 'scheduled' }, 'send')).not.toThrow();
  });
});
