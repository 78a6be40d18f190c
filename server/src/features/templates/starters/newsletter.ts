import { browserLink, footer, head } from './frame';
import type { Starter } from './starter';

/** A monthly newsletter: a lead story on a colour block, two shorter pieces side by side, a quote and a call to reply. */
export const newsletter: Starter = {
  key: 'newsletter',
  name: 'Newsletter',
  description: 'A lead story, two shorter pieces side by side, a quote and a call to action.',
  subject: 'This month: a fresh start, and two stories worth your time',
  preheader: 'What changed this month, what is coming next, and a word from a reader.',
  content: `<mjml>
${head({ title: 'Newsletter', text: '#1f2933', link: '#0f6b5f' })}
  <mj-body background-color="#eef2f1" width="600px">
${browserLink('#52606d')}
    <mj-section background-color="#0f3d3e" padding="28px 0" border-radius="8px 8px 0 0">
      <mj-column>
        <mj-text font-size="12px" line-height="18px" letter-spacing="2px" font-weight="600" color="#9fd8cb" padding="0 32px 6px">MONTHLY NEWSLETTER</mj-text>
        <mj-text font-size="24px" line-height="30px" font-weight="700" color="#ffffff" padding="0 32px">{{ campaign.fromName | default: 'The Monthly Letter' }}</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="#d9f0ea" padding="36px 0 16px">
      <mj-column>
        <mj-text font-size="13px" line-height="18px" letter-spacing="1px" font-weight="700" color="#0f5e55" padding="0 32px 8px">THE LEAD STORY</mj-text>
        <mj-text css-class="headline" font-size="30px" line-height="38px" font-weight="700" color="#0f3d3e" padding="0 32px 12px">A fresh start: what changed this month</mj-text>
        <mj-text color="#243b3a">Hi {{ contact.firstName | default: 'there' }}, it has been a busy few weeks. We rebuilt the things you asked for most, tidied up what slowed you down, and wrote down where we are heading next. Here is the short version, with the long one a click away.</mj-text>
        <mj-button background-color="#0f3d3e" color="#ffffff" href="https://example.com/news/a-fresh-start" align="left">Read the full story</mj-button>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="32px 16px 8px">
      <mj-column padding="0 0 24px">
        <mj-divider border-color="#0f766e" border-width="3px" width="48px" align="left" padding="0 16px 12px" />
        <mj-text font-size="18px" line-height="24px" font-weight="700" padding="0 16px 8px">Behind the scenes</mj-text>
        <mj-text font-size="15px" line-height="24px" padding="0 16px 8px">How a small team shipped a big change without a single late night, and what we would do differently.</mj-text>
        <mj-text font-size="15px" line-height="24px" font-weight="600" padding="0 16px"><a href="https://example.com/news/behind-the-scenes">Read more &rarr;</a></mj-text>
      </mj-column>
      <mj-column padding="0 0 24px">
        <mj-divider border-color="#0f766e" border-width="3px" width="48px" align="left" padding="0 16px 12px" />
        <mj-text font-size="18px" line-height="24px" font-weight="700" padding="0 16px 8px">Coming next month</mj-text>
        <mj-text font-size="15px" line-height="24px" padding="0 16px 8px">Three things on our list, in the order we plan to do them, and how you can try them early.</mj-text>
        <mj-text font-size="15px" line-height="24px" font-weight="600" padding="0 16px"><a href="https://example.com/news/coming-next">Read more &rarr;</a></mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="0 32px 32px">
      <mj-column background-color="#f3f7f6" border-left="4px solid #0f766e" padding="20px 0 4px">
        <mj-text font-size="18px" line-height="28px" font-style="italic" color="#243b3a" padding="0 24px 12px">&ldquo;I opened it expecting the usual and found exactly what I needed. Keep them coming.&rdquo;</mj-text>
        <mj-text font-size="14px" line-height="20px" color="#52606d" padding="0 24px 16px">A reader, answering last month&rsquo;s letter</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="0 0 16px" border-radius="0 0 8px 8px">
      <mj-column>
        <mj-divider border-color="#e4e7eb" border-width="1px" padding="0 32px 28px" />
        <mj-text align="center" font-size="20px" line-height="28px" font-weight="700" padding="0 32px 8px">Have a story for next month?</mj-text>
        <mj-text align="center">Reply to this email: we read every answer, and the best ones make it into the next letter.</mj-text>
        <mj-button background-color="#0f766e" color="#ffffff" href="https://example.com/contact">Share your story</mj-button>
      </mj-column>
    </mj-section>
${footer({ background: '#eef2f1', color: '#52606d' })}
  </mj-body>
</mjml>
`,
};
