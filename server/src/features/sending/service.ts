import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import type { CampaignPauseReason } from '../../../../shared/contracts/campaigns';
import type { PreviewResponse, Sender, SendProgress, SendTestResponse } from '../../../../shared/contracts/sending';
import { rootOf } from '../../composition/accessor';
import { UID } from '../../constants';
import { TemplateError } from '../../content/liquid';
import type { TemplateContact } from '../../content/render';
import { templateContactOf } from '../../content/template-contact';
import { composeMessage } from './compose';
import { checkCampaignContent, templateFieldError } from './content-check';
import { CAMPAIGN_FIELDS } from './campaign-source';
import type { CampaignRow } from './prepared-campaign';
import { SAMPLE_CONTACT } from './readiness';
import { startRows } from './send-start';
import { classifyFailure } from '../../mail/transport';
import { testMessageId } from '../../mail/identity';
import { documentIdField, emailField } from '../../validation/fields';
import { fieldError, parseOrThrow } from '../../validation/errors';

const previewInput = z.strictObject({
  content: z
    .string()
    .max(2 * 1024 * 1024)
    .nullable()
    .optional(),
  subject: z.string().max(998).nullable().optional(),
  preheader: z.string().max(255).nullable().optional(),
  plainText: z
    .string()
    .max(2 * 1024 * 1024)
    .nullable()
    .optional(),
  contact: documentIdField.nullable().optional(),
});

const MAX_TEST_ADDRESSES = 10;
const testInput = z.strictObject({
  emails: z.array(emailField).min(1, 'name at least one address').max(MAX_TEST_ADDRESSES, `at most ${MAX_TEST_ADDRESSES} addresses`),
  contact: documentIdField.nullable().optional(),
});

/**
 * Sending a campaign: start, pause, resume, cancel, its progress, previews and test sends. The work
 * itself runs in the queues (see engine.ts); this service moves states and enqueues.
 */
const createSendingService = ({ strapi }: { strapi: Core.Strapi }) => {
  const root = rootOf(strapi);

  const campaignRow = async (documentId: string): Promise<CampaignRow> => {
    const row = (await strapi.db.query(UID.campaign).findOne({
      where: { documentId },
      select: [...CAMPAIGN_FIELDS],
    })) as CampaignRow | null;
    if (!row) throw new errors.NotFoundError(`No campaign with documentId "${documentId}"`);
    return row;
  };

  const contactFor = async (documentId: string | null | undefined): Promise<{ documentId: string | null; contact: TemplateContact }> => {
    if (!documentId) return { documentId: null, contact: SAMPLE_CONTACT };
    const row = await strapi.db.query(UID.contact).findOne({ where: { documentId } });
    if (!row) throw fieldError('preview', 'contact', `no contact with documentId "${documentId}"`);
    return { documentId, contact: templateContactOf(String(row.email), row) };
  };

  const { prepareUntracked, renderPreview } = root.readiness;

  const service = {
    /** The configured senders, for the editor's from field; empty when any address may send. */
    senders: (): Sender[] => root.senders,

    /** Checks a campaign's templates as they would be saved: a 400 naming the field when one cannot be used. */
    checkContent: checkCampaignContent,

    async progress(documentId: string): Promise<SendProgress> {
      const row = (await strapi.db.query(UID.campaign).findOne({
        where: { documentId },
        select: ['id', 'state', 'pauseReason'],
      })) as Pick<CampaignRow, 'id' | 'state'> & { pauseReason: CampaignPauseReason | null };
      if (!row) throw new errors.NotFoundError(`No campaign with documentId "${documentId}"`);
      const { records, store } = root.running;
      const [record, counts] = await Promise.all([records.find(row.id), store.counts(row.id)]);
      const targeted = Object.values(counts).reduce((a, b) => a + b, 0);
      return {
        documentId,
        state: row.state,
        targeted,
        dispatching: record?.state === 'dispatching' && !record.finishedAt,
        ...counts,
        startedAt: record ? new Date(record.startedAt).toISOString() : null,
        finishedAt: record?.finishedAt ? new Date(record.finishedAt).toISOString() : null,
        pauseReason: row.state === 'paused' ? (row.pauseReason ?? null) : null,
      };
    },

    /** Freezes the audience rules, moves the campaign to `sending` and starts its dispatch. */
    async sendNow(documentId: string): Promise<SendProgress> {
      const row = await startRows(strapi)({ documentId });
      if (!row) throw new errors.NotFoundError(`No campaign with documentId "${documentId}"`);
      await root.running.sendStart.begin(row, 'send');
      // Sent now instead of at its time: its schedule's job has nothing left to do.
      await root.running.scheduler.forget(row.id);
      return service.progress(documentId);
    },

    /** Stops taking new deliveries; the ones being sent right now finish. */
    async pause(documentId: string): Promise<SendProgress> {
      const row = await campaignRow(documentId);
      await root.running.lifecycle.takeOrRefuse(row, 'pause');
      return service.progress(documentId);
    },

    /** Continues a paused campaign: the dispatch goes on from its cursor, queued deliveries get jobs again. */
    async resume(documentId: string): Promise<SendProgress> {
      const row = await campaignRow(documentId);
      const { lifecycle, records, engine, sendStart } = root.running;
      if (!(await records.find(row.id))) {
        // Paused before it ever started (its scheduled time missed): resuming is its first start.
        await sendStart.begin((await startRows(strapi)({ documentId }))!, 'resume');
        return service.progress(documentId);
      }
      await lifecycle.resume(row);
      const run = await records.nextRun(row.id, Date.now());
      await engine.startDispatch(row.id, run);
      await engine.requeueQueued(row.id, run);
      return service.progress(documentId);
    },

    /** Ends a campaign for good: what is queued is cancelled, what is being sent finishes. */
    async cancel(documentId: string): Promise<SendProgress> {
      const row = await campaignRow(documentId);
      const { lifecycle, store, engine } = root.running;
      await lifecycle.takeOrRefuse(row, 'cancel');
      await root.running.scheduler.forget(row.id);
      await store.cancelQueued(row.id, Date.now());
      await engine.finalize(row.id);
      return service.progress(documentId);
    },

    /** The message as a contact (or the sample contact) would get it, from saved or unsaved fields. */
    async preview(documentId: string, input: unknown): Promise<PreviewResponse> {
      const data = parseOrThrow(previewInput, input, 'preview');
      const row = await campaignRow(documentId);
      const merged: CampaignRow = {
        ...row,
        ...(data.content !== undefined ? { content: data.content } : {}),
        ...(data.subject !== undefined ? { subject: data.subject } : {}),
        ...(data.preheader !== undefined ? { preheader: data.preheader } : {}),
        ...(data.plainText !== undefined ? { plainText: data.plainText } : {}),
      };
      const prepared = await prepareUntracked(merged);
      const { documentId: contactId, contact } = await contactFor(data.contact);
      return { ...renderPreview(prepared, contact), contact: { documentId: contactId, email: contact.email } };
    },

    /** Sends the campaign as it is now to a few addresses, with "[Test]" before the subject; nothing is recorded. */
    async sendTest(documentId: string, input: unknown): Promise<SendTestResponse> {
      const data = parseOrThrow(testInput, input, 'test');
      const row = await campaignRow(documentId);
      if (!row.fromEmail) throw fieldError('campaign', 'fromEmail', 'a campaign needs a from address before a test can be sent');
      if (!row.subject?.trim()) throw fieldError('campaign', 'subject', 'a campaign needs a subject before a test can be sent');
      const prepared = await prepareUntracked(row);
      const { contact } = await contactFor(data.contact);
      const { transport } = root.running;
      const ctx = root.composeContext();
      const options = { eightBit: await transport.eightBitMime(), subjectPrefix: '[Test] ' };
      const sent: string[] = [];
      for (const email of data.emails) {
        let message;
        try {
          const messageId = testMessageId(ctx.identity.messageIdDomain);
          message = composeMessage(ctx, prepared, { deliveryId: 0, email, contact: { ...contact, email } }, { ...options, messageId });
        } catch (error) {
          if (error instanceof TemplateError) throw templateFieldError(error);
          throw error;
        }
        try {
          await transport.get().send(message);
        } catch (error) {
          const failure = classifyFailure(error);
          throw new errors.ApplicationError(
            `The test to ${email} was not sent: ${failure.message}${sent.length ? ` (sent to ${sent.join(', ')} before it)` : ''}`
          );
        }
        sent.push(email);
      }
      return { sent };
    },
  };
  return service;
};

export type SendingService = ReturnType<typeof createSendingService>;
export default createSendingService;
