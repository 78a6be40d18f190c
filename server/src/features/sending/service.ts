import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import type { PreviewResponse, Sender, SendProgress, SendTestResponse } from '../../../../shared/contracts/sending';
import { UID, type CampaignState } from '../../constants';
import { checkContentSource, compileContent, type ContentSource } from '../../content/compile';
import { TemplateError } from '../../content/liquid';
import { renderMessage, type TemplateContact } from '../../content/render';
import { templateContactOf } from '../../content/template-contact';
import { getPluginConfig } from '../../config/plugin-config';
import { composeMessage, recipientUrls } from './compose';
import { BLANK_PIXEL_URI } from '../tracking/responses';
import { createSendEngine, DISPATCH_JOB_OPTIONS, type SendEngine } from './engine';
import { templateCampaignOf, type CampaignRow, type PreparedCampaign } from './prepared-campaign';
import { classifyFailure } from '../../mail/transport';
import { testMessageId } from '../../mail/identity';
import { documentIdField, emailField } from '../../validation/fields';
import { fieldError, parseOrThrow } from '../../validation/errors';
import { getService } from '../../services/get-service';

const SAMPLE_CONTACT: TemplateContact = {
  email: 'sample.contact@example.com',
  firstName: 'Alex',
  lastName: 'Sample',
  locale: 'en',
  timezone: 'UTC',
  attributes: {},
};

const previewInput = z.strictObject({
  content: z.string().max(2 * 1024 * 1024).nullable().optional(),
  subject: z.string().max(998).nullable().optional(),
  preheader: z.string().max(255).nullable().optional(),
  plainText: z.string().max(2 * 1024 * 1024).nullable().optional(),
  contact: documentIdField.nullable().optional(),
});

const MAX_TEST_ADDRESSES = 10;
const testInput = z.strictObject({
  emails: z.array(emailField).min(1, 'name at least one address').max(MAX_TEST_ADDRESSES, `at most ${MAX_TEST_ADDRESSES} addresses`),
  contact: documentIdField.nullable().optional(),
});

/** The campaign states from which each action starts. */
const CAN_START: readonly CampaignState[] = ['draft', 'scheduled'];

/** A template problem as the API reports it: 400 naming the campaign field. */
export const templateFieldError = (error: TemplateError) => fieldError('campaign', error.part, error.detail);

/**
 * Sending a campaign: start, pause, resume, cancel, its progress, previews and test sends. The work
 * itself runs in the queues (see engine.ts); this service moves states and enqueues.
 */
const createSendingService = ({ strapi }: { strapi: Core.Strapi }) => {
  let engine: SendEngine | undefined;
  const getEngine = () => (engine ??= createSendEngine(strapi));

  const campaignRow = async (documentId: string): Promise<CampaignRow> => {
    const row = (await strapi.db.query(UID.campaign).findOne({
      where: { documentId },
      select: ['id', 'documentId', 'name', 'subject', 'preheader', 'fromName', 'fromEmail', 'replyTo', 'content', 'plainText', 'state', 'updatedAt'],
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

  const compileOrThrow = async (source: Parameters<typeof compileContent>[0]) => {
    try {
      return await compileContent(source);
    } catch (error) {
      if (error instanceof TemplateError) throw templateFieldError(error);
      throw error;
    }
  };

  /** Untracked links in previews and tests: nothing there should count as a click. */
  const prepareUntracked = async (row: CampaignRow): Promise<PreparedCampaign> => {
    const content = await compileOrThrow(row);
    return { row, content, linkIds: {}, templateCampaign: templateCampaignOf(row) };
  };

  /**
   * The message as a preview shows it: no open and no click counted (an inline blank pixel, the
   * links as written). A template that fails for this contact (a limit, a filter) is a 400 naming the field.
   */
  const renderPreview = (prepared: PreparedCampaign, contact: TemplateContact) => {
    const ctx = getEngine().composeContext();
    try {
      const urls = { ...recipientUrls(ctx, prepared, 0), open: BLANK_PIXEL_URI };
      return renderMessage(prepared.content, { contact, campaign: prepared.templateCampaign, urls, postalAddress: ctx.identity.postalAddress });
    } catch (error) {
      if (error instanceof TemplateError) throw templateFieldError(error);
      throw error;
    }
  };

  // The options are fixed once Strapi has loaded: parsed on the first save or send, not on each.
  let configuredSenders: Sender[] | undefined;
  const senders = (): Sender[] => (configuredSenders ??= getPluginConfig(strapi).sending.senders.map((s) => ({ email: s.email, name: s.name ?? null })));

  /** What a campaign must have before it goes out; each gap is a 400 naming the field. */
  const assertReady = async (row: CampaignRow & { segment?: { documentId: string } | null }) => {
    if (!row.subject?.trim()) throw fieldError('campaign', 'subject', 'a campaign needs a subject before it is sent');
    if (!row.fromEmail) throw fieldError('campaign', 'fromEmail', 'a campaign needs a from address before it is sent');
    if (!row.segment) throw fieldError('campaign', 'segment', 'choose the segment to send to');
    const configured = senders();
    if (configured.length && !configured.some((s) => s.email === row.fromEmail?.toLowerCase())) {
      throw fieldError('campaign', 'fromEmail', `"${row.fromEmail}" is not a configured sender (sending.senders): ${configured.map((s) => s.email).join(', ')}`);
    }
    const prepared = await prepareUntracked(row);
    const config = getPluginConfig(strapi);
    if (!config.signingSecret || !config.publicUrl) {
      throw new errors.ValidationError('Sending needs the plugin options signingSecret and publicUrl: links in every message are signed and point there');
    }
    // Compiling is not enough: a loop over a huge range compiles and then fails every recipient's render.
    renderPreview(prepared, SAMPLE_CONTACT);
  };

  const service = {
    engine: getEngine,
    senders,

    /** Checks a campaign's templates as they would be saved: a 400 naming the field when one cannot be used. */
    async checkContent(source: ContentSource) {
      try {
        await checkContentSource(source);
      } catch (error) {
        if (error instanceof TemplateError) throw templateFieldError(error);
        throw error;
      }
    },

    async progress(documentId: string): Promise<SendProgress> {
      const row = await campaignRow(documentId);
      const engine = getEngine();
      const [record, counts] = await Promise.all([engine.records.find(row.id), engine.store.counts(row.id)]);
      const targeted = Object.values(counts).reduce((a, b) => a + b, 0);
      return {
        documentId,
        state: row.state,
        targeted,
        dispatching: record?.state === 'dispatching' && !record.finishedAt,
        ...counts,
        startedAt: record ? new Date(record.startedAt).toISOString() : null,
        finishedAt: record?.finishedAt ? new Date(record.finishedAt).toISOString() : null,
      };
    },

    /** Freezes the audience rules, moves the campaign to `sending` and starts its dispatch. */
    async sendNow(documentId: string): Promise<SendProgress> {
      const row = (await strapi.db.query(UID.campaign).findOne({ where: { documentId }, populate: { segment: { select: ['documentId', 'rules'] } } })) as
        | (CampaignRow & { segment: { documentId: string; rules: unknown } | null })
        | null;
      if (!row) throw new errors.NotFoundError(`No campaign with documentId "${documentId}"`);
      if (!CAN_START.includes(row.state)) throw new errors.ValidationError(`Campaign "${row.name}" is ${row.state}: only a draft or scheduled campaign can be sent`);
      await assertReady(row);
      const engine = getEngine();
      const started = await engine.records.start(row.id, row.segment!.rules as never, CAN_START, Date.now());
      if (!started) throw new errors.ValidationError(`Campaign "${row.name}" was started by someone else meanwhile`);
      await getService(strapi, 'queues').queue('dispatch').add('dispatch', { campaignId: row.id }, { jobId: `dispatch-${row.id}-0`, ...DISPATCH_JOB_OPTIONS });
      strapi.eventHub.emit('campaigns.campaign.sending', { campaignId: row.id, documentId });
      return service.progress(documentId);
    },

    /** Stops taking new deliveries; the ones being sent right now finish. */
    async pause(documentId: string): Promise<SendProgress> {
      const row = await campaignRow(documentId);
      if (!(await getEngine().records.transition(row.id, ['sending'], 'paused', Date.now()))) {
        throw new errors.ValidationError(`Campaign "${row.name}" is ${row.state}: only a sending campaign can be paused`);
      }
      strapi.eventHub.emit('campaigns.campaign.paused', { campaignId: row.id, documentId });
      return service.progress(documentId);
    },

    /** Continues a paused campaign: the dispatch goes on from its cursor, queued deliveries get jobs again. */
    async resume(documentId: string): Promise<SendProgress> {
      const row = await campaignRow(documentId);
      const engine = getEngine();
      if (!(await engine.records.transition(row.id, ['paused'], 'sending', Date.now()))) {
        throw new errors.ValidationError(`Campaign "${row.name}" is ${row.state}: only a paused campaign can be resumed`);
      }
      const run = await engine.records.nextRun(row.id, Date.now());
      await getService(strapi, 'queues').queue('dispatch').add('dispatch', { campaignId: row.id }, { jobId: `dispatch-${row.id}-${run}`, ...DISPATCH_JOB_OPTIONS });
      await engine.requeueQueued(row.id, run);
      strapi.eventHub.emit('campaigns.campaign.resumed', { campaignId: row.id, documentId });
      return service.progress(documentId);
    },

    /** Ends a campaign for good: what is queued is cancelled, what is being sent finishes. */
    async cancel(documentId: string): Promise<SendProgress> {
      const row = await campaignRow(documentId);
      const engine = getEngine();
      if (!(await engine.records.transition(row.id, ['sending', 'paused', 'scheduled'], 'cancelled', Date.now()))) {
        throw new errors.ValidationError(`Campaign "${row.name}" is ${row.state}: only a scheduled, sending or paused campaign can be cancelled`);
      }
      await engine.store.cancelQueued(row.id, Date.now());
      await engine.finalize(row.id);
      strapi.eventHub.emit('campaigns.campaign.cancelled', { campaignId: row.id, documentId });
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
      const engine = getEngine();
      const ctx = engine.composeContext();
      const options = { eightBit: await engine.eightBitMime(), subjectPrefix: '[Test] ' };
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
          await engine.getTransport().send(message);
        } catch (error) {
          const failure = classifyFailure(error);
          throw new errors.ApplicationError(`The test to ${email} was not sent: ${failure.message}${sent.length ? ` (sent to ${sent.join(', ')} before it)` : ''}`);
        }
        sent.push(email);
      }
      return { sent };
    },

    async stop() {
      await engine?.close();
      engine = undefined;
    },
  };
  return service;
};

export type SendingService = ReturnType<typeof createSendingService>;
export default createSendingService;
