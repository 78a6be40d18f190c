import { browserLink, footer, head } from './frame';
import type { Starter } from './starter';

/** An invitation: the event on a colour block, when and where side by side, the programme and an RSVP button. */
export const eventInvitation: Starter = {
  key: 'event-invitation',
  name: 'Event invitation',
  description: 'The event, its date and place side by side, the programme, and an RSVP button.',
  subject: "You're invited: Spring Open House, Thursday May 14",
  preheader: 'An evening of short talks, demos and good conversation. Let us know if you can come.',
  content: `<mjml>
${head({ title: 'Event invitation', text: '#1f2a37', link: '#1d4f91' })}
  <mj-body background-color="#fbf7f2" width="600px">
${browserLink('#5f6b7a')}
    <mj-section background-color="#1e3a5f" padding="44px 0 28px" border-radius="8px 8px 0 0">
      <mj-column>
        <mj-text font-size="13px" line-height="18px" letter-spacing="2px" font-weight="700" color="#f6c28b" padding="0 32px 10px">YOU&rsquo;RE INVITED</mj-text>
        <mj-text css-class="headline" font-size="34px" line-height="42px" font-weight="700" color="#ffffff" padding="0 32px 12px">Spring Open House</mj-text>
        <mj-text font-size="18px" line-height="28px" color="#d6e2f0" padding="0 32px">An evening of short talks, demos and good conversation, and we would love you to be there.</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="28px 24px 4px">
      <mj-column padding="0 8px 16px" inner-background-color="#fdf1e4" inner-border-radius="8px">
        <mj-text font-size="12px" line-height="16px" letter-spacing="1px" font-weight="700" color="#9a5b13" padding="18px 20px 6px">WHEN</mj-text>
        <mj-text font-size="18px" line-height="24px" font-weight="700" padding="0 20px 4px">Thursday, May 14</mj-text>
        <mj-text font-size="15px" line-height="22px" color="#4b5563" padding="0 20px 18px">6:00 to 9:00 pm<br /><a href="https://example.com/open-house/calendar.ics">Add to your calendar</a></mj-text>
      </mj-column>
      <mj-column padding="0 8px 16px" inner-background-color="#fdf1e4" inner-border-radius="8px">
        <mj-text font-size="12px" line-height="16px" letter-spacing="1px" font-weight="700" color="#9a5b13" padding="18px 20px 6px">WHERE</mj-text>
        <mj-text font-size="18px" line-height="24px" font-weight="700" padding="0 20px 4px">The Foundry</mj-text>
        <mj-text font-size="15px" line-height="22px" color="#4b5563" padding="0 20px 18px">12 Harbour Street, Portland<br /><a href="https://example.com/open-house/directions">Get directions</a></mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="28px 0 8px">
      <mj-column>
        <mj-text>Hi {{ contact.firstName | default: 'there' }},</mj-text>
        <mj-text>Once a year we open our doors to the people we work for and with. Come and meet the team, see what we are building, and tell us what we should build next.</mj-text>
        <mj-text font-size="13px" line-height="18px" letter-spacing="1px" font-weight="700" color="#1e3a5f" padding="8px 32px 8px">THE PROGRAMME</mj-text>
        <mj-table font-size="15px" line-height="22px" color="#1f2a37" padding="0 32px 16px" cellpadding="6px">
          <tr style="border-bottom:1px solid #eee6dc;"><td style="width:84px;font-weight:700;vertical-align:top;">6:00 pm</td><td>Doors open: drinks and something to eat</td></tr>
          <tr style="border-bottom:1px solid #eee6dc;"><td style="width:84px;font-weight:700;vertical-align:top;">6:45 pm</td><td>Three short talks, ten minutes each</td></tr>
          <tr style="border-bottom:1px solid #eee6dc;"><td style="width:84px;font-weight:700;vertical-align:top;">7:30 pm</td><td>Demos, and a chance to try what is new</td></tr>
          <tr><td style="width:84px;font-weight:700;vertical-align:top;">9:00 pm</td><td>Goodnight</td></tr>
        </mj-table>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="8px 0 20px" border-radius="0 0 8px 8px">
      <mj-column>
        <mj-button background-color="#b45309" color="#ffffff" href="https://example.com/open-house/rsvp" font-size="17px" inner-padding="16px 36px" padding="8px 32px 16px">RSVP: I&rsquo;ll be there</mj-button>
        <mj-text align="center" font-size="14px" line-height="22px" color="#4b5563">Please answer by May 7, so that we can plan seats and food. Can&rsquo;t make it? <a href="https://example.com/open-house/rsvp?answer=no">Let us know</a>.</mj-text>
      </mj-column>
    </mj-section>
${footer({ background: '#fbf7f2', color: '#5f6b7a' })}
  </mj-body>
</mjml>
`,
};
