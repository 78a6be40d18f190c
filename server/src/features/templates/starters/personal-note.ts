import { head } from './frame';
import type { Starter } from './starter';

/**
 * Looks like an email one person wrote to another: white, no colour blocks, no buttons, a signature;
 * the law's unsubscribe link and postal address stay, small, under a rule.
 */
export const personalNote: Starter = {
  key: 'personal-note',
  name: 'Personal note',
  description: 'Plain text on white, like an email from one person: no banner, no button, a signature.',
  subject: 'A quick note, and a question for you',
  preheader: 'Two minutes of your time, and one question I would love your answer to.',
  content: `<mjml>
${head({ title: 'A note', text: '#222222', link: '#1a56b8', size: [16, 25] })}
  <mj-body background-color="#ffffff" width="600px">
    <mj-section padding="24px 0 8px">
      <mj-column>
        <mj-text padding="0 24px 16px">Hi {{ contact.firstName | default: 'there' }},</mj-text>
        <mj-text padding="0 24px 16px">I wanted to write to you myself rather than send another announcement. You have been with us for a while now, and much of what we changed this year started with a reply from someone like you.</mj-text>
        <mj-text padding="0 24px 16px">So here is my question: what is the one thing we could do better for you? It can be small. It can be blunt.</mj-text>
        <mj-text padding="0 24px 16px">Just hit reply. I read every answer myself, and I will write back.</mj-text>
        <mj-text padding="0 24px 16px">Thank you,<br />{{ campaign.fromName | default: 'Sam' }}</mj-text>
      </mj-column>
    </mj-section>
    <mj-section padding="8px 0 24px">
      <mj-column>
        <mj-divider border-color="#e5e5e5" border-width="1px" padding="0 24px 12px" />
        <mj-text font-size="12px" line-height="18px" color="#6b6b6b" padding="0 24px 4px">You are getting this email because you signed up for updates from us. <a href="{{ unsubscribe_url }}" style="color:#6b6b6b;text-decoration:underline;">Unsubscribe</a></mj-text>
        <mj-text font-size="12px" line-height="18px" color="#6b6b6b" padding="0 24px">{{ postal_address }}</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>
`,
};
