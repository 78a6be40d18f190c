/**
 * What a campaign with no content yet opens with: valid MJML that merges a name and carries what
 * every bulk message needs, the unsubscribe link and the sender's postal address (CAN-SPAM).
 */
export const STARTER_MJML = `<mjml>
  <mj-body>
    <mj-section>
      <mj-column>
        <mj-text font-size="16px">Hello {{ contact.firstName | default: 'there' }},</mj-text>
        <mj-text>Write your message here.</mj-text>
      </mj-column>
    </mj-section>
    <mj-section>
      <mj-column>
        <mj-text font-size="12px" color="#666666"><a href="{{ unsubscribe_url }}">Unsubscribe</a></mj-text>
        <mj-text font-size="12px" color="#666666">{{ postal_address }}</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>
`;
