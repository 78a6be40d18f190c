import type { ContentBlockField, ContentBlockType } from '../../../../shared/contracts/content-blocks';

/** The parts of an entry a block shows, each filled from one field of the type. */
export type FieldRole = 'title' | 'text' | 'image';

/** Strapi attribute types each role accepts (the server refuses others: shared/contracts/content-blocks.ts). */
const ROLE_TYPES: Record<FieldRole, readonly string[]> = {
  title: ['string', 'text', 'uid', 'email', 'enumeration'],
  text: ['string', 'text', 'richtext', 'blocks'],
  image: ['media'],
};

/** Types whose values may stand in a link's `{field}` placeholder. */
const SCALAR_TYPES = ['string', 'text', 'uid', 'email', 'enumeration', 'integer', 'biginteger', 'decimal', 'float', 'date', 'datetime'];

export const fieldsFor = (type: Pick<ContentBlockType, 'fields'>, role: FieldRole): ContentBlockField[] =>
  type.fields.filter((field) => ROLE_TYPES[role].includes(field.type));

export const placeholderFields = (type: Pick<ContentBlockType, 'fields'>): ContentBlockField[] =>
  type.fields.filter((field) => SCALAR_TYPES.includes(field.type));

const first = (fields: ContentBlockField[], types: string[]) =>
  types.map((type) => fields.find((field) => field.type === type)?.name).find(Boolean);

/**
 * A first mapping for a type the editor has not mapped yet: the first string field as the title, the
 * first long text (rich text first) as the text, the first media field as the image.
 */
export const guessMapping = (type: Pick<ContentBlockType, 'fields'>): Record<FieldRole, string | undefined> => ({
  title: first(type.fields, ['string']),
  text: first(type.fields, ['richtext', 'blocks', 'text']),
  image: first(type.fields, ['media']),
});
