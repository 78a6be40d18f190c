import type { Core } from '@strapi/strapi';
import type { Page } from 'playwright-core';

/** The campaign editor group's message: a merge tag with a default, one tracked link and the unsubscribe link. */
export const SPRING_TEMPLATE = `<mjml>
  <mj-body>
    <mj-section>
      <mj-column>
        <mj-text>Bonjour {{ contact.firstName | default: 'ami' }}, spring is here.</mj-text>
        <mj-text><a href="https://example.com/spring-menu">The spring menu</a></mj-text>
        <mj-text><a href="{{ unsubscribe_url }}">Unsubscribe</a></mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;

/**
 * Three customers at example.com, ten readers at example.org, and the segments the editor offers:
 * Customers (the three), Everyone, and Bruno only. Answers Everyone.
 */
export const seedEditorAudience = async (strapi: Core.Strapi) => {
  const plugin = strapi.plugin('campaigns');
  for (const [email, firstName] of [
    ['amelie@example.com', 'Amelie'],
    ['bruno@example.com', 'Bruno'],
    ['chris@example.com', 'Chris'],
  ]) {
    await plugin.service('contacts').create({ email, firstName });
  }
  // Readers are in Everyone only: at the group's one message a second they keep a send to it going
  // for a minute, long enough to pause on a busy machine (with ten, the send once ended before the
  // page showed its Pause button).
  for (let i = 1; i <= 60; i += 1) await plugin.service('contacts').create({ email: `reader${i}@example.org`, firstName: `Reader ${i}` });
  await plugin
    .service('segments')
    .create({ name: 'Customers', rules: { match: 'all', rules: [{ field: 'email', operator: 'endsWith', value: '@example.com' }] } });
  const everyone = await plugin.service('segments').create({ name: 'Everyone', rules: { match: 'all', rules: [] } });
  await plugin
    .service('segments')
    .create({ name: 'Bruno only', rules: { match: 'all', rules: [{ field: 'email', operator: 'eq', value: 'bruno@example.com' }] } });
  return everyone as { documentId: string };
};

/** The editor's preview of the mail on this page: its frame, and the frame's drawn width. */
export const editorPreview = (page: () => Page) => ({
  frame: () => page().frameLocator('iframe[title="Preview"]'),
  frameWidth: () =>
    page()
      .locator('iframe[title="Preview"]')
      .evaluate((el) => el.getBoundingClientRect().width),
});
