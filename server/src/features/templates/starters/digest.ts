import { browserLink, footer, head } from './frame';
import type { Starter } from './starter';

/**
 * The latest entries of the site's blog, picked when the send starts: an `<mj-strapi-entries>`
 * block (shared/contracts/content-blocks.ts) among the sections, on the playground's
 * `api::article.article`. A site with another type changes `type` and the field names.
 */
export const digest: Starter = {
  key: 'digest',
  name: 'Digest of recent entries',
  description: "The site's three latest articles, filled in when the campaign is sent, with a short introduction.",
  subject: 'This week on the blog: three new reads',
  preheader: 'The latest three articles, in case you missed them.',
  content: `<mjml>
${head({ title: 'Digest', text: '#292524', link: '#b45309', button: '#b45309' })}
  <mj-body background-color="#f5f5f4" width="600px">
${browserLink('#57534e')}
    <mj-section background-color="#1c1917" padding="32px 0" border-radius="8px 8px 0 0">
      <mj-column>
        <mj-text font-size="12px" line-height="18px" letter-spacing="2px" font-weight="700" color="#fbbf24" padding="0 32px 8px">THE WEEKLY DIGEST</mj-text>
        <mj-text css-class="headline" font-size="30px" line-height="38px" font-weight="700" color="#ffffff" padding="0 32px">New on the blog</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="32px 0 8px">
      <mj-column>
        <mj-text>Hi {{ contact.firstName | default: 'there' }}, here are our three latest articles, for a quiet ten minutes this week.</mj-text>
      </mj-column>
    </mj-section>
    <mj-wrapper background-color="#ffffff" padding="0">
      <mj-strapi-entries type="api::article.article" latest="3" title="title" text="excerpt" image="cover" link="https://example.com/blog/{slug}" button="Read the article" />
    </mj-wrapper>
    <mj-section background-color="#ffffff" padding="8px 0 16px" border-radius="0 0 8px 8px">
      <mj-column>
        <mj-divider border-color="#e7e5e4" border-width="1px" padding="0 32px 24px" />
        <mj-text align="center">Looking for something older? Everything we wrote is on the blog.</mj-text>
        <mj-button background-color="#1c1917" color="#ffffff" href="https://example.com/blog">Browse the blog</mj-button>
      </mj-column>
    </mj-section>
${footer({ background: '#f5f5f4', color: '#57534e' })}
  </mj-body>
</mjml>
`,
};
