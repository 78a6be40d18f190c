import type { Core } from '@strapi/strapi';
import type { RenderTemplate, Template, TemplateSummary } from '../../../../shared/contracts/templates';
import { errors } from '@strapi/utils';
import { rootOf } from '../../composition/accessor';
import { UID } from '../../constants';
import { documentsOf, findOrThrow } from '../../db/documents';
import { parseOrThrow } from '../../validation/errors';
import { templateCreateInput, templateUpdateInput } from '../../validation/template-input';
import type { CampaignRow } from '../sending/prepared-campaign';
import { SAMPLE_CONTACT } from '../sending/readiness';
import { checkTemplateContent } from './content-check';
import { createTemplateLibrary, fromRow, type TemplateRow } from './library';

const MESSAGE_FIELDS = ['subject', 'preheader', 'content', 'plainText'] as const;
type Message = Pick<TemplateRow, (typeof MESSAGE_FIELDS)[number]>;

/** A template as the preview rendering takes it: a draft with no sender (merge tags on the sender show their fallback). */
const asCampaignRow = (template: Template): CampaignRow => ({
  id: 0,
  documentId: template.id,
  name: template.name,
  subject: template.subject,
  preheader: template.preheader,
  fromName: null,
  fromEmail: null,
  replyTo: null,
  content: template.content,
  plainText: template.plainText,
  state: 'draft',
  updatedAt: template.updatedAt ?? new Date(0).toISOString(),
});

/**
 * Email templates: the starters and the saved ones listed together, a campaign saved as one, and
 * each rendered for the sample contact as its thumbnail shows it. A campaign starts from one
 * through the campaigns service's create (`template`).
 */
const createTemplatesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const library = createTemplateLibrary(strapi);
  const documents = () => documentsOf(strapi, UID.template);
  const { readiness } = rootOf(strapi);

  const found = async (ref: string): Promise<Template> => {
    const template = await library.find(ref);
    if (!template) throw new errors.NotFoundError(`No template "${ref}"`);
    return template;
  };
  const savedRow = (documentId: string) => findOrThrow<TemplateRow>(documents(), 'template', documentId);

  return {
    async list(): Promise<TemplateSummary[]> {
      return library.list();
    },

    findOne: found,

    /** The template as the sample contact would get it, its links as written and no open counted (the preview's rendering). */
    async render(ref: string): Promise<RenderTemplate.Response['data']> {
      const prepared = await readiness.prepareUntracked(asCampaignRow(await found(ref)));
      const { subject, html } = readiness.renderPreview(prepared, SAMPLE_CONTACT);
      return { subject, html };
    },

    /** Keeps a campaign's message (subject, preheader, content, plain text) under a name; checked as a campaign's is. */
    async create(input: unknown): Promise<Template> {
      const data = parseOrThrow(templateCreateInput, input, 'template');
      const campaign = await findOrThrow<Message>(documentsOf(strapi, UID.campaign), 'campaign', data.campaign, {
        fields: [...MESSAGE_FIELDS],
      });
      const message = Object.fromEntries(MESSAGE_FIELDS.map((field) => [field, campaign[field] ?? null])) as Message;
      await checkTemplateContent(message);
      const row = await documents().create<TemplateRow>({ data: { name: data.name, description: data.description ?? null, ...message } });
      return fromRow(row);
    },

    /** A rename, or a new message (checked again). */
    async update(documentId: string, input: unknown): Promise<Template> {
      const data = parseOrThrow(templateUpdateInput, input, 'template');
      const current = await savedRow(documentId);
      if (MESSAGE_FIELDS.some((field) => data[field] !== undefined)) await checkTemplateContent({ ...current, ...data });
      return fromRow(await documents().update<TemplateRow>({ documentId, data }));
    },

    /** Deletes the template; the campaigns made from it keep their own copy of its message. */
    async delete(documentId: string) {
      await savedRow(documentId);
      await documents().delete({ documentId });
      return { documentId };
    },
  };
};

export type TemplatesService = ReturnType<typeof createTemplatesService>;
export default createTemplatesService;
