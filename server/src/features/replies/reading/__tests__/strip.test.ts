import { hasForwardedBlock, stripReply } from '../strip';

const NEW = 'Sounds good, see you Thursday.';

describe.each([
  ['Gmail, one line', 'On Thu, Dec 3, 2026 at 10:00 AM Anna Schmidt <a@b.test> wrote:\n\n> Hello'],
  ['Gmail, wrapped', 'On Thu, Dec 3, 2026 at 10:00 AM Anna Schmidt <a@b.test>\nwrote:\n\n> Hello'],
  ['Apple Mail', '> On 3 Dec 2026, at 10:00, Anna Schmidt <a@b.test> wrote:\n>\n> Hello'],
  ['Outlook desktop', '-----Original Message-----\nFrom: Anna Schmidt <a@b.test>\nSent: Thursday, December 3, 2026 10:00 AM\n\nHello'],
  [
    'Outlook 365',
    '________________________________\nFrom: Anna Schmidt <a@b.test>\nSent: Thursday, December 3, 2026 10:00 AM\nTo: Bob\nSubject: Update\n\nHello',
  ],
  [
    'Outlook 365, French',
    '________________________________\nDe : Anna Schmidt <a@b.test>\nEnvoyé : jeudi 3 décembre 2026 10:00\nÀ : Bob\nObjet : Update\n\nHello',
  ],
  [
    'Outlook 365, German',
    '________________________________\nVon: Anna Schmidt <a@b.test>\nGesendet: Donnerstag, 3. Dezember 2026 10:00\nAn: Bob\nBetreff: Update\n\nHello',
  ],
  [
    'Outlook 365, Spanish',
    '________________________________\nDe: Anna Schmidt <a@b.test>\nEnviado: jueves, 3 de diciembre de 2026 10:00\nPara: Bob\nAsunto: Update\n\nHello',
  ],
  ['Outlook, no separator', 'From: Anna Schmidt <a@b.test>\nSent: Thursday, December 3, 2026 10:00 AM\nTo: Bob\n\nHello'],
  ['French', 'Le jeu. 3 déc. 2026 à 10:00, Anna Schmidt <a@b.test> a écrit :\n> Bonjour'],
  ['German', 'Am Do., 3. Dez. 2026 um 10:00 Uhr schrieb Anna Schmidt <a@b.test>:\n> Hallo'],
  ['Spanish', 'El jue, 3 dic 2026 a las 10:00, Anna Schmidt (<a@b.test>) escribió:\n> Hola'],
  ['Gmail forward', '---------- Forwarded message ---------\nFrom: Anna Schmidt <a@b.test>\nDate: Thu, Dec 3, 2026\n\nHello'],
  ['Apple Mail forward', 'Begin forwarded message:\n\nFrom: Anna Schmidt <a@b.test>\nSubject: Update\n\nHello'],
])('%s', (_, quote) => {
  it('keeps the new text, the signature and the quote apart', () => {
    const stripped = stripReply(`${NEW}\n\nBob\n\n-- \nBob Miller | Acme\n\n${quote}\n`);
    expect(stripped.text).toBe(`${NEW}\n\nBob`);
    expect(stripped.signature).toBe('--\nBob Miller | Acme');
    expect(stripped.quoted).toBe(quote.replace(/[ \t]+$/gm, ''));
  });
});

it('leaves a mail without quote or signature whole', () => {
  expect(stripReply('Just one line.\r\nAnd another.')).toEqual({ text: 'Just one line.\nAnd another.', quoted: '', signature: '' });
  expect(stripReply('')).toEqual({ text: '', quoted: '', signature: '' });
});

it('does not take a sentence that starts with "On" for a quote header', () => {
  const text = 'On Monday we start.\nI wrote: yes.';
  expect(stripReply(text).text).toBe(text);
});

it('tells a forward from a reply', () => {
  expect(hasForwardedBlock('Hi\n\n---------- Forwarded message ---------\nFrom: x')).toBe(true);
  expect(hasForwardedBlock('Hi\n\n-------- Message transféré --------\nDe : x')).toBe(true);
  expect(hasForwardedBlock('Hi\n\n-----Original Message-----\nFrom: x')).toBe(false);
});

describe('closings the library does not know start the signature', () => {
  it.each([
    ['German', 'Danke, passt gut.', 'Mit freundlichen Grüßen\nHans Müller\nEinkauf | Beispiel GmbH'],
    ['German, short', 'Danke!', 'Viele Grüße\nHans'],
    ['German, transliterated', 'Danke!', 'Mit freundlichen Gruessen,\nHans Mueller'],
    ['Spanish', 'Gracias, nos vemos el jueves.', 'Saludos cordiales,\nAna García\nVentas | Ejemplo S.L.'],
    ['Spanish, formal', 'Recibido.', 'Atentamente,\nAna García'],
    ['Italian', 'Grazie mille.', 'Cordiali saluti\nMarco Rossi'],
    ['Dutch', 'Dank je wel.', 'Met vriendelijke groet,\nJan de Vries'],
  ])('%s', (_, written, signature) => {
    const quote = 'Am 3. Dezember 2026 um 10:00 schrieb Acme <news@acme.test>:\n> Hallo';
    expect(stripReply(`${written}\n\n${signature}\n\n${quote}`)).toEqual({ text: written, quoted: quote, signature });
  });

  it('a closing word inside the text, or far above its end, stays in the text', () => {
    const greeting = 'Saludos a todo el equipo, gracias por el envío.\n\nAna';
    expect(stripReply(greeting).signature).toBe('');
    const long = `Gruß\n${['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((l) => `Line ${l}`).join('\n')}`;
    expect(stripReply(long)).toEqual({ text: long, quoted: '', signature: '' });
  });

  it('a closing that is the whole mail is the text', () => {
    expect(stripReply('Viele Grüße')).toEqual({ text: 'Viele Grüße', quoted: '', signature: '' });
  });
});
