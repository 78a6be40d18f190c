import type { Knex } from 'knex';
import type { CampaignState } from '../../../../../shared/contracts/campaign-lifecycle';
import type { StateStore } from '../../../db/lifecycle-moves';
import { createCampaignLifecycle } from '../../campaigns/lifecycle';
import type { PauseReasons } from '../../campaigns/pause-reasons';
import type { DeliveryStore } from '../delivery-store';
import { createSendEngine, type SendEngineDeps } from '../engine';
import type { SendRecord, SendRecords } from '../send-records';
import type { SendExperiment } from '../variants';

/** The engine with every dependency faked: one campaign, its send record, whether deliveries are pending. */
const engineFor = (world: {
  state: CampaignState;
  record: Pick<SendRecord, 'state' | 'finishedAt'> & { winner?: string | null };
  pending: boolean;
  counts?: Record<string, number>;
  experiment?: SendExperiment;
}) => {
  const states: StateStore<CampaignState> = {
    // What goes with a move (the send record's finish) runs in its transaction, as the real store's.
    async move(_id, from, to, alongside) {
      if (!from.includes(world.state)) return false;
      world.state = to;
      await alongside?.({} as Knex.Transaction);
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
      winner: null,
      ...world.record,
    }),
    finish: async (id: number) => void finished.push(id),
  } as unknown as SendRecords;
  const counts = world.counts ?? { sent: 2, failed: 0, unknown: 0 };
  const store = { hasPending: async () => world.pending, counts: async () => counts } as unknown as DeliveryStore;
  const engine = createSendEngine({
    records,
    store,
    experiments: { forSend: async () => world.experiment ?? null },
    // Finishing never halts: no reason is ever written.
    lifecycle: createCampaignLifecycle(states, {} as PauseReasons, (_id, action) => void emitted.push(action)),
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
    expect(emitted).toEqual(['complete']);
  });

  it('as failed when every delivery failed, and as sent when one may have gone out', async () => {
    const failed = { sent: 0, failed: 3, unknown: 0, suppressed: 1 };
    const done = { state: 'dispatched' as const, finishedAt: null };
    const allFailed = { state: 'sending' as CampaignState, record: done, pending: false, counts: failed };
    const run = engineFor(allFailed);
    await run.engine.finalize(1);
    expect(allFailed.state).toBe('failed');
    expect(run.finished).toEqual([1]);
    expect(run.emitted).toEqual(['fail']);
    for (const counts of [
      { ...failed, unknown: 1 },
      { ...failed, sent: 1 },
      { sent: 0, failed: 0, unknown: 0, suppressed: 2 },
    ]) {
      const world = { state: 'sending' as CampaignState, record: done, pending: false, counts };
      await engineFor(world).engine.finalize(1);
      expect(world.state).toBe('sent');
    }
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

  it('not while the rest of an A/B test waits for its winner; then with the rest, or at once without a rest', async () => {
    const test = (state: SendExperiment['state'], testShare = 60): SendExperiment => ({
      id: 1,
      documentId: 'x',
      state,
      variants: [
        { key: 'A', name: 'A' },
        { key: 'B', name: 'B', subject: 'B' },
      ],
      testShare,
      winner: state === 'decided' ? 'B' : null,
      design: 'ab',
      waves: 5,
      waveShares: [],
    });
    const done = { state: 'dispatched' as const, finishedAt: null };
    for (const experiment of [test('testing'), test('decided')]) {
      const world = { state: 'sending' as CampaignState, record: done, pending: false, experiment };
      const { engine, finished } = engineFor(world);
      await engine.finalize(1);
      expect(world.state).toBe('sending');
      expect(finished).toEqual([]);
    }
    for (const [experiment, winner] of [
      [test('decided'), 'B'],
      [test('testing', 100), null],
      [test('cancelled'), null],
      [test('draft'), null],
    ] as const) {
      const world = { state: 'sending' as CampaignState, record: { ...done, winner }, pending: false, experiment };
      await engineFor(world).engine.finalize(1);
      expect(world.state).toBe('sent');
    }
  });
});
