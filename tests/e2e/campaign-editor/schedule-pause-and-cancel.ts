import { useGroupBrowser } from '../../helpers/admin-browser-group';
import { seedEditorAudience, SPRING_TEMPLATE } from '../../helpers/campaign-editor';
import { waitUntil } from '../../helpers/wait';

/**
 * When and whether a campaign goes out, from its page: a send under way paused, resumed and
 * cancelled; a schedule set, moved on the calendar and taken back; a scheduled campaign unscheduled
 * or cancelled.
 */
const { app, page, baseUrl, screenshot } = useGroupBrowser();

let readyId: string;

/** The pre-send check's confirmation of a schedule whose message has errors: the editor schedules it anyway. */
const confirmPresendErrors = async () => {
  const dialog = page().getByRole('alertdialog');
  await dialog.getByText(/^The pre-send check found \d+ errors?/).waitFor();
  await dialog.getByText('Schedule it anyway?').waitFor();
  await dialog.getByRole('button', { name: /confirm/i }).click();
  await dialog.waitFor({ state: 'detached' });
};

beforeAll(async () => {
  const everyone = await seedEditorAudience(app().strapi);
  const ready = {
    subject: 'Summer',
    fromName: 'Northwind Coffee',
    fromEmail: 'news@example.com',
    segment: everyone.documentId,
    content: SPRING_TEMPLATE,
  };
  readyId = (
    await app()
      .strapi.plugin('campaigns')
      .service('campaigns')
      .create({ name: 'Summer news', ...ready })
  ).documentId;
}, 120_000);

test('pauses, resumes and cancels a send under way', async () => {
  await page().goto(`${baseUrl()}/admin/plugins/campaigns/campaigns/${readyId}`);
  await page().getByRole('heading', { name: 'Summer news', level: 1 }).waitFor();
  await page().getByRole('button', { name: 'Send now' }).click();
  await page()
    .getByRole('alertdialog')
    .getByRole('button', { name: /confirm/i })
    .click();

  await page().getByRole('button', { name: 'Pause' }).click();
  await page().getByRole('button', { name: 'Resume' }).waitFor();
  await page().getByText('paused', { exact: true }).waitFor();
  // Paused, the campaign can be edited again.
  await expect(page().getByRole('textbox', { name: 'Subject' }).isDisabled()).resolves.toBe(false);
  await screenshot('campaign-editor-paused');

  await page().getByRole('button', { name: 'Resume' }).click();
  await page().getByRole('button', { name: 'Cancel sending' }).click();
  await page()
    .getByRole('alertdialog')
    .getByRole('button', { name: /confirm/i })
    .click();
  await page().getByText('cancelled', { exact: true }).waitFor();
  await page().getByText('This campaign is cancelled').waitFor();
  await expect(page().getByRole('button', { name: 'Resume' }).count()).resolves.toBe(0);
  const stored = await app().strapi.documents('plugin::campaigns.campaign').findOne({ documentId: readyId });
  expect(stored?.state).toBe('cancelled');
});

test('schedules a campaign from its page, sees it on the calendar, drags it to another day, and takes it back', async () => {
  const plugin = app().strapi.plugin('campaigns');
  const segment = await plugin
    .service('segments')
    .create({ name: 'Planned readers', rules: { match: 'all', rules: [{ field: 'email', operator: 'eq', value: 'bruno@example.com' }] } });
  const { documentId } = await plugin.service('campaigns').create({
    name: 'Planned news',
    subject: 'Later',
    fromName: 'Northwind Coffee',
    fromEmail: 'news@example.com',
    segment: segment.documentId,
    content: SPRING_TEMPLATE,
  });
  const stored = () => app().strapi.db.query('plugin::campaigns.campaign').findOne({ where: { documentId } });

  await page().goto(`${baseUrl()}/admin/plugins/campaigns/campaigns/${documentId}`);
  await page().getByRole('heading', { name: 'Planned news', level: 1 }).waitFor();
  await page().getByLabel(/^Date/).fill('2027-01-15');
  await page()
    .getByLabel(/^Time(?! zone)/)
    .fill('10:30');
  await page()
    .getByLabel(/^Time zone/)
    .fill('America/New_York');
  // The server's plan of it, before anything is set.
  await page()
    .getByText(/^First message .*15:30 UTC, last .*15:30 UTC; 1 wave, 1 contact\.$/)
    .waitFor();
  await page().getByRole('button', { name: 'Schedule', exact: true }).click();
  // The pre-send check runs first and finds errors (no postal address): scheduling waits for a confirmation.
  await confirmPresendErrors();
  await page()
    .getByText(/^Scheduled: .*10:30 in America\/New_York$/)
    .waitFor();
  await page().getByText('scheduled', { exact: true }).waitFor();
  await screenshot('campaign-editor-scheduled');
  expect(await stored()).toMatchObject({
    state: 'scheduled',
    schedule: { mode: 'at', date: '2027-01-15', time: '10:30', timezone: 'America/New_York' },
  });
  expect(new Date((await stored()).sendAt).toISOString()).toBe('2027-01-15T15:30:00.000Z');

  // On each recipient's clock, spread over two hours, inside office hours: Bruno has no zone, the campaign's serves.
  await page().getByRole('switch').click();
  await page()
    .getByLabel(/^Spread over/)
    .fill('2');
  await page().getByText('Only send inside a window').click();
  await page().getByRole('textbox', { name: 'Opens at' }).fill('11:00');
  await page()
    .getByText(/^First message .*16:00 UTC, last .*16:00 UTC; 1 wave, 1 contact\.$/)
    .waitFor();
  await screenshot('campaign-editor-schedule-window');
  await page().getByRole('button', { name: 'Reschedule' }).click();
  await confirmPresendErrors();
  await waitUntil(async () => (await stored()).schedule?.mode === 'recipient-local', 'the new schedule to be stored');
  expect((await stored()).schedule).toEqual({
    mode: 'recipient-local',
    date: '2027-01-15',
    time: '10:30',
    timezone: 'America/New_York',
    spreadHours: 2,
    window: { days: [1, 2, 3, 4, 5], start: '11:00', end: '17:00', zone: 'recipient' },
  });

  // A time that has passed is refused, and nothing changes.
  await page().getByLabel(/^Date/).fill('2020-01-15');
  await page()
    .getByText(/has already passed in some of the audience's time zones/)
    .first()
    .waitFor();
  await page().getByRole('button', { name: 'Reschedule' }).click();
  await confirmPresendErrors();
  expect((await stored()).schedule.date).toBe('2027-01-15');

  // The calendar shows it on its day; dragged to another, it is rescheduled there at its time.
  await page().goto(`${baseUrl()}/admin/plugins/campaigns/calendar`);
  await page().getByRole('heading', { name: 'Calendar', level: 1 }).waitFor();
  while (!(await page().locator('td[data-day="2027-01-15"]').count())) await page().getByRole('button', { name: 'Next month' }).click();
  const entry = page().locator('td[data-day="2027-01-15"] [data-campaign="Planned news"]');
  await entry.waitFor();
  await screenshot('calendar-month');
  await entry.dragTo(page().locator('td[data-day="2027-01-20"]'));
  await page().getByText('Moved "Planned news" to 2027-01-20').waitFor();
  await page().locator('td[data-day="2027-01-20"] [data-campaign="Planned news"]').waitFor();
  await waitUntil(async () => (await stored()).schedule?.date === '2027-01-20', 'the dragged day to be stored');
  expect((await stored()).schedule).toMatchObject({ mode: 'recipient-local', date: '2027-01-20', time: '10:30' });

  await page().getByRole('button', { name: 'Week', exact: true }).click();
  while (!(await page().locator('td[data-day="2027-01-20"]').count())) await page().getByRole('button', { name: 'Next week' }).click();
  await page().locator('td[data-day="2027-01-20"] [data-campaign="Planned news"]').waitFor();
  await screenshot('calendar-week');

  await page().goto(`${baseUrl()}/admin/plugins/campaigns/campaigns/${documentId}`);
  await page().getByRole('button', { name: 'Unschedule' }).click();
  await page().getByText('draft', { exact: true }).waitFor();
  expect(await stored()).toMatchObject({ state: 'draft', sendAt: null });
});

test('unschedules a scheduled campaign: it is a draft again, with nothing left to send it', async () => {
  const { documentId } = await app().strapi.plugin('campaigns').service('campaigns').create({ name: 'Winter news' });
  const nextWeek = new Date(Date.now() + 7 * 24 * 3600 * 1000);
  await app()
    .strapi.db.query('plugin::campaigns.campaign')
    .update({ where: { documentId }, data: { state: 'scheduled', sendAt: nextWeek } });

  await page().goto(`${baseUrl()}/admin/plugins/campaigns/campaigns/${documentId}`);
  await page().getByRole('heading', { name: 'Winter news', level: 1 }).waitFor();
  await page().getByText('scheduled', { exact: true }).waitFor();
  await page().getByRole('button', { name: 'Unschedule' }).click();
  await page().getByText('Unscheduled: the campaign is a draft again').waitFor();
  await page().getByText('draft', { exact: true }).waitFor();
  await expect(page().getByRole('button', { name: 'Unschedule' }).count()).resolves.toBe(0);
  const stored = await app().strapi.db.query('plugin::campaigns.campaign').findOne({ where: { documentId } });
  expect(stored).toMatchObject({ state: 'draft', sendAt: null });
});

test('cancels a scheduled campaign before it goes out, after asking', async () => {
  const { documentId } = await app().strapi.plugin('campaigns').service('campaigns').create({ name: 'Autumn news' });
  const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
  await app()
    .strapi.db.query('plugin::campaigns.campaign')
    .update({ where: { documentId }, data: { state: 'scheduled', sendAt: tomorrow } });

  await page().goto(`${baseUrl()}/admin/plugins/campaigns/campaigns/${documentId}`);
  await page().getByRole('heading', { name: 'Autumn news', level: 1 }).waitFor();
  await page().getByText('scheduled', { exact: true }).waitFor();
  await page().getByRole('button', { name: 'Send now' }).waitFor();
  await page().getByRole('button', { name: 'Cancel campaign' }).click();
  const confirm = page().getByRole('alertdialog');
  await confirm.getByText('Cancel "Autumn news" for good? It will not be sent.').waitFor();
  await screenshot('campaign-editor-cancel-scheduled');
  await confirm.getByRole('button', { name: /confirm/i }).click();

  await page().getByText('This campaign is cancelled').waitFor();
  await expect(page().getByRole('button', { name: 'Send now' }).count()).resolves.toBe(0);
  await expect(page().getByRole('button', { name: 'Cancel campaign' }).count()).resolves.toBe(0);
  const stored = await app().strapi.documents('plugin::campaigns.campaign').findOne({ documentId });
  expect(stored?.state).toBe('cancelled');
});
