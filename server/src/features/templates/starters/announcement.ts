import { browserLink, footer, head } from './frame';
import type { Starter } from './starter';

/** One piece of news, told big: a colour block with the headline, three reasons it matters, a way to ask. */
export const announcement: Starter = {
  key: 'announcement',
  name: 'Announcement',
  description: 'One piece of news on a bold colour block, three reasons it matters, and one button.',
  subject: 'Introducing shared workspaces',
  preheader: 'Plan, write and review together, in one place. Available today.',
  content: `<mjml>
${head({ title: 'Announcement', text: '#2d2640', link: '#5b2fc0' })}
  <mj-body background-color="#f4f1fb" width="600px">
${browserLink('#5d5670')}
    <mj-section background-color="#3b1f7a" padding="44px 0 20px" border-radius="8px 8px 0 0">
      <mj-column>
        <mj-text padding="0 32px 16px"><span style="display:inline-block;background-color:#f5c451;color:#2b1457;font-size:12px;line-height:18px;font-weight:700;letter-spacing:1px;padding:4px 12px;border-radius:12px;">NEW</span></mj-text>
        <mj-text css-class="headline" font-size="34px" line-height="42px" font-weight="700" color="#ffffff" padding="0 32px 12px">Introducing shared workspaces</mj-text>
        <mj-text font-size="18px" line-height="28px" color="#e4dcf7" padding="0 32px 8px">Plan, write and review together, in one place. Available today on every plan, at no extra cost.</mj-text>
        <mj-button background-color="#f5c451" color="#2b1457" href="https://example.com/whats-new" align="left" padding="16px 32px 24px">See what&rsquo;s new</mj-button>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="36px 0 8px">
      <mj-column>
        <mj-text>Hi {{ contact.firstName | default: 'there' }},</mj-text>
        <mj-text>You told us that work gets lost between inboxes, chats and documents. Shared workspaces put it back together: one place for your team&rsquo;s plans, drafts and decisions, with everyone looking at the same thing.</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="8px 16px 16px">
      <mj-column padding="0 0 16px">
        <mj-text font-size="22px" line-height="28px" font-weight="700" color="#5b2fc0" padding="0 16px 4px">01</mj-text>
        <mj-text font-size="16px" line-height="22px" font-weight="700" padding="0 16px 6px">Everything together</mj-text>
        <mj-text font-size="14px" line-height="22px" color="#4a4458" padding="0 16px">Plans, files and notes live side by side, found in seconds.</mj-text>
      </mj-column>
      <mj-column padding="0 0 16px">
        <mj-text font-size="22px" line-height="28px" font-weight="700" color="#5b2fc0" padding="0 16px 4px">02</mj-text>
        <mj-text font-size="16px" line-height="22px" font-weight="700" padding="0 16px 6px">Review in place</mj-text>
        <mj-text font-size="14px" line-height="22px" color="#4a4458" padding="0 16px">Comment on the exact line, resolve it, move on.</mj-text>
      </mj-column>
      <mj-column padding="0 0 16px">
        <mj-text font-size="22px" line-height="28px" font-weight="700" color="#5b2fc0" padding="0 16px 4px">03</mj-text>
        <mj-text font-size="16px" line-height="22px" font-weight="700" padding="0 16px 6px">Private by default</mj-text>
        <mj-text font-size="14px" line-height="22px" color="#4a4458" padding="0 16px">You decide who sees each workspace, and can change it anytime.</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="0 0 16px" border-radius="0 0 8px 8px">
      <mj-column>
        <mj-divider border-color="#ebe7f3" border-width="1px" padding="0 32px 24px" />
        <mj-text>Questions, or something we missed? Just reply to this email: a real person reads every answer.</mj-text>
        <mj-text padding="0 32px 24px">Thank you,<br />{{ campaign.fromName | default: 'The team' }}</mj-text>
      </mj-column>
    </mj-section>
${footer({ background: '#f4f1fb', color: '#5d5670' })}
  </mj-body>
</mjml>
`,
};
