/** The demo's draft campaign: a monthly newsletter with merge tags, a Pro-only paragraph and the legal footer. */
export const NEWSLETTER_MJML = `<mjml>
  <mj-head>
    <mj-title>News from Northwind Coffee</mj-title>
    <mj-attributes>
      <mj-all font-family="Helvetica, Arial, sans-serif" />
      <mj-text font-size="16px" line-height="1.5" color="#1f2328" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f4f4f7">
    <mj-section background-color="#4945ff" padding="20px 24px">
      <mj-column>
        <mj-text font-size="20px" font-weight="bold" color="#ffffff">Northwind Coffee</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="24px">
      <mj-column>
        <mj-text font-size="22px" font-weight="bold">Hello {{ contact.firstName | default: "there" }},</mj-text>
        <mj-text>Here is what is new at Northwind this month{% if contact.attributes.city %}, including in {{ contact.attributes.city }}{% endif %}:</mj-text>
        <mj-text>
          <ul>
            <li><strong>Autumn blend</strong>: a darker roast with notes of cocoa and plum.</li>
            <li><strong>Free shipping</strong> on orders over 30 EUR until the end of the month.</li>
            <li><strong>Brewing class</strong>: join our baristas online on Thursday.</li>
          </ul>
        </mj-text>
        {% if contact.attributes.plan == "pro" %}
        <mj-text>As a Pro member, you get early access to the blend before everyone else.</mj-text>
        {% endif %}
        <mj-button href="https://example.com/autumn-blend" background-color="#4945ff" color="#ffffff">Discover the autumn blend</mj-button>
      </mj-column>
    </mj-section>
    <mj-section padding="16px 24px">
      <mj-column>
        <mj-text font-size="12px" color="#666687">You receive this email at {{ contact.email }} because you subscribed to the Northwind newsletter. <a href="{{ unsubscribe_url }}" style="color:#666687;">Unsubscribe</a></mj-text>
        <mj-text font-size="12px" color="#666687">{{ postal_address }}</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>
`;
