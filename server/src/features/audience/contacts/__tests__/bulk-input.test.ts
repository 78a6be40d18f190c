import { contactBulkInput } from '../bulk-input';

const parse = (input: unknown) => contactBulkInput.safeParse(input);
const messages = (input: unknown) => {
  const result = parse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

test('accepts each action with what it needs, and drops repeated ids', () => {
  expect(parse({ action: 'delete', documentIds: ['a1', 'a1', 'b2'] }).data).toEqual({ action: 'delete', documentIds: ['a1', 'b2'] });
  expect(parse({ action: 'unsubscribe', documentIds: ['a1'] }).success).toBe(true);
  expect(parse({ action: 'addTopics', documentIds: ['a1'], topics: ['t1', 't1'] }).data).toEqual({
    action: 'addTopics',
    documentIds: ['a1'],
    topics: ['t1'],
  });
  expect(parse({ action: 'removeTopics', documentIds: ['a1'], topics: ['t1'] }).success).toBe(true);
});

test('refuses an unknown or missing action, naming the ones there are', () => {
  expect(messages({ action: 'explode', documentIds: ['a1'] }).join()).toMatch(
    /action: must be one of delete, addTopics, removeTopics, unsubscribe/
  );
  expect(messages({ documentIds: ['a1'] }).join()).toMatch(/action: must be one of/);
});

test('refuses topic actions without topics, and topics on other actions', () => {
  expect(messages({ action: 'addTopics', documentIds: ['a1'] }).join()).toMatch(/topics: required: the topics to add or remove/);
  expect(messages({ action: 'addTopics', documentIds: ['a1'], topics: [] }).join()).toMatch(/topics: name at least one topic/);
  expect(messages({ action: 'delete', documentIds: ['a1'], topics: ['t1'] }).join()).toMatch(/unrecognized|topics/i);
});

test('refuses no ids, too many ids and ids that are not documentIds', () => {
  expect(messages({ action: 'delete', documentIds: [] }).join()).toMatch(/documentIds: select at least one contact/);
  const many = Array.from({ length: 1001 }, (_, i) => `c${i}`);
  expect(messages({ action: 'delete', documentIds: many }).join()).toMatch(/documentIds: at most 1000 contacts at a time/);
  expect(messages({ action: 'delete', documentIds: ['../etc'] }).join()).toMatch(/documentIds\.0: a documentId/);
});
