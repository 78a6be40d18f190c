import { erasedEventData } from '../erased-event-data';

describe('erasedEventData', () => {
  test('a bounce keeps its classification and loses the SMTP text that quotes the address', () => {
    const data = JSON.stringify({
      kind: 'hard',
      code: 550,
      message: '550 5.1.1 <ann@example.com>: no such user',
      bounceType: 'hard',
      reason: 'unknown-user',
      status: '5.1.1',
    });
    expect(JSON.parse(erasedEventData(data)!)).toEqual({
      kind: 'hard',
      code: 550,
      bounceType: 'hard',
      reason: 'unknown-user',
      status: '5.1.1',
    });
  });

  test('a click keeps its link and client verdict and loses the client details', () => {
    const data = JSON.stringify({ linkId: 7, client: 'human', ip: '203.0.113.9', userAgent: 'Mozilla/5.0' });
    expect(JSON.parse(erasedEventData(data)!)).toEqual({ linkId: 7, client: 'human' });
  });

  test('a failure, a reply and unreadable data keep nothing', () => {
    expect(erasedEventData(JSON.stringify({ error: 'refused for ann@example.com' }))).toBeNull();
    expect(erasedEventData(JSON.stringify({ messageId: '<x@mail.example.com>' }))).toBeNull();
    expect(erasedEventData('{not json')).toBeNull();
    expect(erasedEventData('[1,2]')).toBeNull();
    expect(erasedEventData(null)).toBeNull();
  });
});
