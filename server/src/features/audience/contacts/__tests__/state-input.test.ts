import { contactStateInput } from '../state-input';

const messages = (input: unknown) => {
  const result = contactStateInput.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
};

test('an admin may unsubscribe, or resubscribe with the consent source and text', () => {
  expect(contactStateInput.parse({ state: 'unsubscribed' })).toEqual({ state: 'unsubscribed' });
  expect(contactStateInput.parse({ state: 'subscribed', consent: { source: ' Phone call ', text: 'Yes please' } })).toEqual({
    state: 'subscribed',
    consent: { source: 'Phone call', text: 'Yes please' },
  });
});

test('bounced and complained are not for admins, and consent needs both fields', () => {
  expect(messages({ state: 'bounced' })).toMatch(
    /state: must be one of subscribed, unsubscribed \(bounced and complained come from delivery events\)/
  );
  expect(messages({ state: 'subscribed', consent: { source: '', text: 'x' } })).toMatch(/consent\.source: say where the consent was given/);
  expect(messages({ state: 'subscribed', consent: { source: 'form' } })).toMatch(/consent\.text/);
  expect(messages({ state: 'unsubscribed', consent: { source: 'form', text: 'x' } })).toMatch(
    /consent: only a resubscribe takes a consent record/
  );
  expect(messages({ state: 'unsubscribed', ip: '1.2.3.4' })).toMatch(/unrecognized/i);
});
