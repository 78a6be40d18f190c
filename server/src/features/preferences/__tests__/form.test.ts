import { MAX_FORM_TOPICS, parsePreferenceForm, parseUndoForm } from '../form';

const TOKEN = '1k.AbCdEfGhIjKlMnOpQrStUv';

test('a save names its token, the action and the wanted topics (each once)', () => {
  expect(parsePreferenceForm(`token=${TOKEN}&action=save&topics=abc123&topics=def456&topics=abc123`)).toEqual({
    ok: true,
    form: { token: TOKEN, action: 'save', topics: ['abc123', 'def456'] },
  });
  expect(parsePreferenceForm(`token=${TOKEN}&action=save`)).toEqual({ ok: true, form: { token: TOKEN, action: 'save', topics: [] } });
  expect(parsePreferenceForm(`action=resubscribe&token=${TOKEN}`)).toEqual({ ok: true, form: { token: TOKEN, action: 'resubscribe' } });
});

test('a form without its token, or with an empty one, is named as such', () => {
  expect(parsePreferenceForm('action=save&topics=abc')).toEqual({ ok: false, problem: 'no-token' });
  expect(parsePreferenceForm('token=&action=unsubscribe')).toEqual({ ok: false, problem: 'no-token' });
  expect(parseUndoForm('')).toEqual({ ok: false, problem: 'no-token' });
});

test.each([
  ['an unknown field', `token=${TOKEN}&action=save&admin=1`],
  ['the token twice', `token=${TOKEN}&token=${TOKEN}&action=save`],
  ['two actions', `token=${TOKEN}&action=save&action=unsubscribe`],
  ['no action', `token=${TOKEN}`],
  ['an action of no button', `token=${TOKEN}&action=delete`],
  ['topics with unsubscribe', `token=${TOKEN}&action=unsubscribe&topics=abc`],
  ['a topic that is no documentId', `token=${TOKEN}&action=save&topics=${encodeURIComponent("' OR 1=1")}`],
  ['broken percent-encoding', `token=${TOKEN}&action=save&topics=%zz`],
  ['percent-encoding of no UTF-8', `token=${TOKEN}&action=save&topics=%ff`],
  ['raw bytes beyond ASCII', `token=${TOKEN}&action=save&topics=caf\u00e9`],
  ['a JSON body', `{"token":"${TOKEN}","action":"save"}`],
  [
    'too many topics',
    `token=${TOKEN}&action=save${'&topics=a'.repeat(0)}${Array.from({ length: MAX_FORM_TOPICS + 1 }, (_, i) => `&topics=t${i}`).join('')}`,
  ],
])('%s is malformed', (_label, body) => {
  expect(parsePreferenceForm(body)).toEqual({ ok: false, problem: 'malformed' });
});

test('the undo form is its token alone', () => {
  expect(parseUndoForm(`token=${TOKEN}`)).toEqual({ ok: true, form: { token: TOKEN } });
  expect(parseUndoForm(`token=${TOKEN}&action=save`)).toEqual({ ok: false, problem: 'malformed' });
  expect(parseUndoForm(`token=${TOKEN}&token=other`)).toEqual({ ok: false, problem: 'malformed' });
});
