import { isEmptyPlan, offered, planTopics, topicChange, type TopicStanding } from '../topic-plan';

const topic = (id: number, standing: Partial<TopicStanding>): TopicStanding => ({
  id,
  documentId: `doc${id}`,
  slug: `topic-${id}`,
  name: `Topic ${id}`,
  description: null,
  isPublic: true,
  member: false,
  suppressed: false,
  ...standing,
});

const news = topic(1, { member: true });
const offers = topic(2, {});
const vip = topic(3, { isPublic: false, member: true });
const secret = topic(4, { isPublic: false });
const muted = topic(5, { member: true, suppressed: true });
const all = [news, offers, vip, secret, muted];

const ids = (topics: TopicStanding[]) => topics.map((t) => t.id);

test('the page offers the contact’s topics and the public ones, never another private one', () => {
  expect(ids(offered(all))).toEqual([1, 2, 3, 5]);
});

test('the wanted set joins, lifts, leaves and suppresses what differs, and nothing else', () => {
  const result = planTopics(all, ['doc2', 'doc5']);
  if (!result.ok) throw new Error('refused');
  const { plan } = result;
  expect(ids(plan.join)).toEqual([2]);
  expect(ids(plan.lift)).toEqual([5]);
  expect(ids(plan.leave)).toEqual([1, 3]);
  expect(ids(plan.suppress)).toEqual([1, 3]);
  expect(topicChange(plan)).toEqual({ joined: ['topic-2', 'topic-5'], left: ['topic-1', 'topic-3'] });
});

test('leaving a topic already suppressed writes no second suppression; the same set again changes nothing', () => {
  const result = planTopics(all, ['doc1', 'doc3']);
  if (!result.ok) throw new Error('refused');
  expect(ids(result.plan.leave)).toEqual([5]);
  expect(result.plan.suppress).toEqual([]);
  const same = planTopics([news, offers, vip], ['doc1', 'doc3']);
  expect(same.ok && isEmptyPlan(same.plan)).toBe(true);
});

test('a wanted topic the page does not offer (private, or none at all) refuses the whole form', () => {
  expect(planTopics(all, ['doc2', 'doc4'])).toEqual({ ok: false, refused: ['doc4'] });
  expect(planTopics(all, ['nosuchtopic'])).toEqual({ ok: false, refused: ['nosuchtopic'] });
  expect(planTopics([], ['doc1'])).toEqual({ ok: false, refused: ['doc1'] });
});
