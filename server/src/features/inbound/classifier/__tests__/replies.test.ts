import { classifyInboundMessage } from '..';

/**
 * What people and their mailboxes send back, written for this test in the shapes such messages take:
 * ticket systems, absence notes, unsubscribe replies in several languages, newsletters from elsewhere.
 */

const message = (headers: Record<string, string>, body: string) =>
  [
    'From: Ana Lima <ana@example.net>',
    'To: bounces+1a2b-3c4d@news.example.com',
    'Date: Tue, 05 Mar 2024 09:20:00 +0000',
    'Message-ID: <answer.1@example.net>',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    body,
  ].join('\n');

const inReplyTo = { 'In-Reply-To': '<campaign.1@news.example.com>', References: '<campaign.1@news.example.com>' };
const quote = '\n\n> Hello,\n> Our spring offers: read them online at https://news.example.com/c/1\n';

describe('auto-replies', () => {
  it.each([
    [
      'a ticket opened with Auto-Submitted: auto-generated',
      { ...inReplyTo, 'Auto-Submitted': 'auto-generated', Subject: 'Re: Spring offers' },
      'Thanks, we will look into it.',
    ],
    [
      'a ticket acknowledged in its subject',
      { ...inReplyTo, Subject: '[Ticket #4711] created: Spring offers' },
      'A member of staff will answer.',
    ],
    [
      'a helpdesk header with its acknowledgement',
      { ...inReplyTo, 'X-Zammad-Ticket-Id': '12', Subject: 'Spring offers' },
      'We have received your request and will answer soon.',
    ],
    [
      'a German acknowledgement',
      { ...inReplyTo, 'X-OTRS-Loop': 'yes', Subject: 'AW: Frühlingsangebote' },
      'Wir haben Ihre Anfrage erhalten und melden uns.',
    ],
    [
      'vacation(1) marked only as junk',
      { Precedence: 'junk', Subject: 'Re: Spring offers' },
      'I am on leave until 12 March and will not be reading my mail.',
    ],
    [
      'a French absence note marked as bulk',
      { Precedence: 'bulk', Subject: 'Spring offers' },
      "Je suis absent jusqu'au 12 mars. Je vous répondrai dès mon retour.",
    ],
    ['an absence subject without Re:', {}, 'Back on Monday.'],
  ] as const)('%s', async (_name, headers, body) => {
    const result = await classifyInboundMessage(message({ Subject: 'Away from my mail', ...headers }, body));
    expect(result).toMatchObject({ kind: 'auto-reply', reason: 'vacation', recipients: ['ana@example.net'] });
  });

  it('a newsletter marked as bulk is no auto-reply nor an unsubscribe request', async () => {
    const body = 'Five plants that love the shade.\n\nUnsubscribe: https://garden.example.org/u/1';
    const result = await classifyInboundMessage(
      message({ Subject: 'Garden weekly', Precedence: 'bulk', 'List-Unsubscribe': '<https://garden.example.org/u/1>' }, body)
    );
    expect(result.kind).toBe('unknown');
  });
});

describe('unsubscribe replies: the new words above the quote count', () => {
  it.each([
    ['UNSUBSCRIBE\n\nSent from my iPhone' + quote],
    ['Bitte abmelden!\n\n-----Ursprüngliche Nachricht-----\nVon: Example News\nBetreff: Spring offers'],
    ['Bitte nehmen Sie mich aus Ihrem Verteiler.' + quote],
    ['Merci de retirer mon adresse, supprimez-moi de la liste.' + quote],
    ['Por favor, quítenme de su lista.' + quote],
    ['Proszę mnie wypisać z listy.' + quote],
    ['Por favor, darme de baja de esta lista.' + quote],
    ['Non voglio più ricevere queste email.' + quote],
    ['Não quero mais receber estes e-mails.' + quote],
    ['Schrijf me uit aub.' + quote],
    ['Отпишите меня, пожалуйста.' + quote],
    ['Hi,\n\nplease remove me from your list.\n\nThanks\nAna' + quote],
  ])('%s', async (body) => {
    const result = await classifyInboundMessage(message({ ...inReplyTo, Subject: 'Re: Spring offers' }, body));
    expect(result.kind).toBe('unsubscribe-request');
  });

  it('a question that only mentions the newsletter stays a reply', async () => {
    const body = 'Do you also ship to Portugal? The offer in your newsletter looks good.' + quote;
    const result = await classifyInboundMessage(message({ ...inReplyTo, Subject: 'Re: Spring offers' }, body));
    expect(result.kind).toBe('reply');
  });
});
