import { isTransient } from '../errors';

test.each([
  ['a dropped connection (no status)', { name: 'FetchError', message: 'Failed to fetch' }, true],
  ['a server failure', { status: 500, name: 'ApplicationError', message: 'Internal Server Error' }, true],
  ['a gateway timeout', { status: 504 }, true],
  ['a validation refusal', { status: 400, name: 'ValidationError', message: 'Invalid campaign: content' }, false],
  ['a missing record', { status: 404 }, false],
  ['a forbidden request', { status: 403 }, false],
])('%s is transient: %s', (_label, error, transient) => {
  expect(isTransient(error)).toBe(transient);
});
