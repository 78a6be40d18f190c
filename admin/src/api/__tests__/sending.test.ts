import { configureStore } from '@reduxjs/toolkit';
import { adminApi } from '@strapi/strapi/admin';
import type { SendProgress } from '../../../../shared/contracts/sending';
import { sendingApi } from '../sending';

type Answer = { data: unknown } | { error: unknown };

/** How the test answers each request, by its URL. */
let mockRoute: (url: string) => Answer | Promise<Answer> = () => ({ error: { status: 404 } });

// Strapi's adminApi stands in as a bare api whose requests the test answers by hand, and which
// drops an unwatched query at once (no timer left behind).
jest.mock('@strapi/strapi/admin', () => {
  const { createApi } = jest.requireActual('@reduxjs/toolkit/query');
  const answer = (args: string | { url: string }) => mockRoute(typeof args === 'string' ? args : args.url);
  return { adminApi: createApi({ reducerPath: 'adminApi', baseQuery: answer, keepUnusedDataFor: 0, endpoints: () => ({}) }) };
});

const progress = (state: SendProgress['state']): SendProgress => ({
  documentId: 'c1',
  state,
  targeted: 2,
  dispatching: false,
  queued: 1,
  sending: 0,
  sent: 1,
  failed: 0,
  suppressed: 0,
  unknown: 0,
  cancelled: 0,
  startedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: null,
  pauseReason: null,
});

/** A request the test answers when it chooses to. */
const held = () => {
  let answer: (value: Answer) => void = () => undefined;
  const promise = new Promise<Answer>((resolve) => (answer = resolve));
  return { promise, answer };
};

const storeAnswering = (route: typeof mockRoute) => {
  mockRoute = route;
  return configureStore({
    reducer: { [adminApi.reducerPath]: adminApi.reducer },
    middleware: (getDefault) => getDefault().concat(adminApi.middleware),
  });
};

/** The progress is written once the action's answer is in, a turn after the action settles. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

const shownState = (store: ReturnType<typeof storeAnswering>) =>
  sendingApi.endpoints.getSendProgress.select('c1')(store.getState() as never).data?.state;

test('a pause answered while a progress poll is in flight shows the paused campaign', async () => {
  const poll = held();
  let reads = 0;
  const store = storeAnswering((url) => {
    if (url.endsWith('/pause')) return { data: { data: progress('paused') } };
    reads += 1;
    return reads === 1 ? { data: { data: progress('sending') } } : poll.promise;
  });
  const watched = store.dispatch(sendingApi.endpoints.getSendProgress.initiate('c1'));
  await watched;
  expect(shownState(store)).toBe('sending');

  void watched.refetch();
  await store.dispatch(sendingApi.endpoints.runSendAction.initiate({ documentId: 'c1', action: 'pause' }));
  await settled();
  expect(shownState(store)).toBe('paused');

  poll.answer({ data: { data: progress('paused') } });
  watched.unsubscribe();
});

test('a poll that read the state before a resume and lands after it is corrected by a read after both', async () => {
  const poll = held();
  let reads = 0;
  const store = storeAnswering((url) => {
    if (url.endsWith('/resume')) return { data: { data: progress('sending') } };
    reads += 1;
    if (reads === 2) return poll.promise;
    return { data: { data: progress(reads === 1 ? 'paused' : 'sending') } };
  });
  const watched = store.dispatch(sendingApi.endpoints.getSendProgress.initiate('c1'));
  await watched;

  void watched.refetch();
  await store.dispatch(sendingApi.endpoints.runSendAction.initiate({ documentId: 'c1', action: 'resume' }));
  await settled();
  expect(shownState(store)).toBe('sending');

  poll.answer({ data: { data: progress('paused') } });
  await settled();
  await settled();
  expect(reads).toBe(3);
  expect(shownState(store)).toBe('sending');
  watched.unsubscribe();
});

test('a send action answers the progress of a campaign the page did not read yet', async () => {
  const store = storeAnswering(() => ({ data: { data: progress('sending') } }));
  await store.dispatch(sendingApi.endpoints.runSendAction.initiate({ documentId: 'c1', action: 'send' }));
  await settled();
  expect(shownState(store)).toBe('sending');
});

test('a refused action leaves the progress shown', async () => {
  const store = storeAnswering((url) =>
    url.endsWith('/resume') ? { error: { status: 400, data: 'not paused' } } : { data: { data: progress('sent') } }
  );
  const watched = store.dispatch(sendingApi.endpoints.getSendProgress.initiate('c1'));
  await watched;
  await store.dispatch(sendingApi.endpoints.runSendAction.initiate({ documentId: 'c1', action: 'resume' }));
  await settled();
  expect(shownState(store)).toBe('sent');
  watched.unsubscribe();
});
