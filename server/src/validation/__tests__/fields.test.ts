import { campaignCreateInput } from '../campaign-input';
import { contactCreateInput } from '../contact-input';
import { isTimeZone } from '../timezone';

test.each(['UTC', 'Europe/Paris', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5'])('%s is a time zone', (tz) => {
  expect(isTimeZone(tz)).toBe(true);
});

test.each(['Mars/Olympus', 'europe paris', '', '../etc/passwd', '+02:00'])('%j is not a time zone', (tz) => {
  expect(isTimeZone(tz)).toBe(false);
});

test('campaign input strips nothing silently: header fields with CR/LF are refused', () => {
  const result = campaignCreateInput.safeParse({ name: 'n', preheader: 'a\rb' });
  expect(result.success).toBe(false);
  expect(result.error?.issues[0]).toMatchObject({ path: ['preheader'], message: 'must not contain line breaks (CR or LF)' });
});

test('contact input normalises the email and keeps a consent record', () => {
  const parsed = contactCreateInput.parse({
    email: 'Ann@Example.COM',
    consent: { source: 'signup-form', ip: '2001:db8::1', text: 'Send me the newsletter' },
  });
  expect(parsed.email).toBe('Ann@example.com');
  expect(parsed.consent).toEqual({ source: 'signup-form', ip: '2001:db8::1', text: 'Send me the newsletter' });
  expect(contactCreateInput.safeParse({ email: 'a@example.com', consent: { source: 's', ip: '999.1.1.1' } }).success).toBe(false);
});
