import type { Core } from '@strapi/strapi';
import {
  STARTER_PREFIX,
  starterKeyOf,
  starterRef,
  type Template,
  type TemplateRef,
  type TemplateSummary,
} from '../../../../shared/contracts/templates';
import { UID } from '../../constants';
import { documentsOf } from '../../db/documents';
import { STARTERS, starterOf, type Starter } from './starters';

/** A saved template's row. */
export interface TemplateRow {
  documentId: string;
  name: string;
  description: string | null;
  subject: string | null;
  preheader: string | null;
  content: string | null;
  plainText: string | null;
  updatedAt: string;
}

const SUMMARY_FIELDS = ['documentId', 'name', 'description', 'subject', 'preheader', 'updatedAt'] as const;

const fromStarter = (starter: Starter): Template => ({
  id: starterRef(starter.key),
  kind: 'starter',
  name: starter.name,
  description: starter.description,
  subject: starter.subject,
  preheader: starter.preheader,
  updatedAt: null,
  content: starter.content,
  plainText: null,
});

export const fromRow = (row: TemplateRow): Template => ({
  id: row.documentId,
  kind: 'saved',
  name: row.name,
  description: row.description ?? null,
  subject: row.subject ?? null,
  preheader: row.preheader ?? null,
  updatedAt: new Date(row.updatedAt).toISOString(),
  content: row.content ?? '',
  plainText: row.plainText ?? null,
});

const summaryOf = ({ content: _content, plainText: _plainText, ...summary }: Template): TemplateSummary => summary;

/**
 * Every template a campaign can start from: the starters shipped in code and the ones editors
 * saved (documents of `plugin::campaigns.template`), named by one kind of reference. What the
 * templates service and a campaign's creation read them through.
 */
export const createTemplateLibrary = (strapi: Core.Strapi) => {
  const documents = () => documentsOf(strapi, UID.template);
  return {
    /** The starters in their order, then the saved templates, the last changed first; without their content. */
    async list(): Promise<TemplateSummary[]> {
      const rows = await documents().findMany<TemplateRow>({ fields: [...SUMMARY_FIELDS], sort: { updatedAt: 'desc' } });
      return [...STARTERS.map(fromStarter), ...rows.map((row) => fromRow({ ...row, content: null, plainText: null }))].map(summaryOf);
    },

    /** The template a reference names, with its content; null when there is none. */
    async find(ref: TemplateRef): Promise<Template | null> {
      if (ref.startsWith(STARTER_PREFIX)) {
        const key = starterKeyOf(ref);
        const starter = key && starterOf(key);
        return starter ? fromStarter(starter) : null;
      }
      const row = await documents().findOne<TemplateRow>({ documentId: ref });
      return row ? fromRow(row) : null;
    },
  };
};

export type TemplateLibrary = ReturnType<typeof createTemplateLibrary>;
