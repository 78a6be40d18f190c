import type { CampaignState } from '../../../../../shared/contracts/campaign-lifecycle';
import type { StateStore } from '../../../db/lifecycle-moves';
import { createCampaignLifecycle } from '../../campaigns/lifecycle';
import type { PauseReasons } from '../../campaigns/pause-reasons';
import type { DeliveryStore } from '../delivery-store';
import { createSendEngine, type SendEngineDeps } from '../engine';
import type { SendRecord, SendRecords } from '../send-records';

/** The engine with every dependency faked: one campaign, its send record, whether deliveries are pending. */
const engineFor = (world: { state: CampaignState; record: Pick<SendRecord, 'state' | 'finishedAt'>; pending: boolean }) => {
  const states: StateStore<CampaignState> = {
    async move(_id, from, to) {
      if (!from.includes(world.state)) return false;
      world.state = to;
      return true;
    },
    async stateOf() {
      return world.state;
    },
  };
  const finished: number[] = [];
  const emitted: string[] = [];
  const records = {
    find: async () => ({
      campaignId: 1,
      run: 0,
      cursor: 0,
      rules: { match: 'all', rules: [] },
      startedAt: 0,
      dispatchedAt: null,
      ...world.record,
    }),
    finish: async (id: number) => void finished.push(id),
  } as unknown as SendRecords;
  const store = { hasPending: async () => world.pending, counts: async () => ({ sent: 2 }) } as unknown as DeliveryStore;
  const engine = createSendEngine({
    records,
    store,
    // Finishing never halts: no reason is ever written.
    lifecycle: createCampaignLifecycle(states, {} as PauseReasons),
    emit: (event: string) => void emitted.push(event),
  } as unknown as SendEngineDeps);
  return { engine, finished, emitted };
};

describe('the send engine ends a campaign', () => {
  it('as sent once its dispatch is done and nothing is pending', async () => {
    const world = { state: 'sending' as CampaignState, record: { state: 'dispatched' as const, finishedAt: null }, pending: false };
    const { engine, finished, emitted } = engineFor(world);
    await engine.finalize(1);
    expect(world.state).toBe('sent');
    expect(finished).toEqual([1]);
    expect(emitted).toEqual(['campaigns.campaign.sent']);
  });

  it('not while deliveries are pending or the dispatch goes on', async () => {
    for (const world of [
      { state: 'sending' as CampaignState, record: { state: 'dispatched' as const, finishedAt: null }, pending: true },
      { state: 'sending' as CampaignState, record: { state: 'dispatching' as const, finishedAt: null }, pending: false },
    ]) {
      const { engine, finished } = engineFor(world);
      await engine.finalize(1);
      expect(world.state).toBe('sending');
      expect(finished).toEqual([]);
    }
  });

  it('a paused campaign stays paused; a cancelled one gets its record finished', async () => {
    const paused = { state: 'paused' as CampaignState, record: { state: 'dispatched' as const, finishedAt: null }, pending: false };
    await engineFor(paused).engine.finalize(1);
    expect(paused.state).toBe('paused');
    const cancelled = { state: 'cancelled' as CampaignState, record: { state: 'dispatching' as const, finishedAt: null }, pending: false };
    const { engine, finished, emitted } = engineFor(cancelled);
    await engine.finalize(1);
    expect(cancelled.state).toBe('cancelled');
    expect(finished).toEqual([1]);
    expect(emitted).toEqual([]);
  });
});
