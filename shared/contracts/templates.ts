/** Email templates: the admin API's shapes, used by the server controllers and the admin pages. */

/** The starter templates the plugin ships, by key (server/src/features/templates/starters/). */
export const STARTER_KEYS = ['newsletter', 'announcement', 'digest', 'event-invitation', 'personal-note'] as const;
export type StarterKey = (typeof STARTER_KEYS)[number];

/** A starter's reference starts with this; a saved template's is its documentId, which never holds a colon. */
export const STARTER_PREFIX = 'starter:';

/** How requests name a template: `starter:<key>` for a starter, a saved template's documentId otherwise. */
export type TemplateRef = string;

export const starterRef = (key: StarterKey): TemplateRef => `${STARTER_PREFIX}${key}`;

/** The starter a reference names, or null when it names a saved template (or no starter at all). */
export const starterKeyOf = (ref: TemplateRef): StarterKey | null => {
  if (!ref.startsWith(STARTER_PREFIX)) return null;
  const key = ref.slice(STARTER_PREFIX.length);
  return (STARTER_KEYS as readonly string[]).includes(key) ? (key as StarterKey) : null;
};

export type TemplateKind = 'starter' | 'saved';

export interface TemplateSummary {
  /** What requests name it by (TemplateRef): `starter:<key>`, or the saved template's documentId. */
  id: TemplateRef;
  kind: TemplateKind;
  name: string;
  description: string | null;
  subject: string | null;
  preheader: string | null;
  /** When a saved template last changed (ISO 8601); null for a starter. */
  updatedAt: string | null;
}

/** A template with its message: what a campaign made from it starts with. */
export interface Template extends TemplateSummary {
  /** MJML. */
  content: string;
  plainText: string | null;
}

/** What a saved template's edit may change; `null` clears an optional field. */
export interface TemplateInput {
  name?: string;
  description?: string | null;
  subject?: string | null;
  preheader?: string | null;
  content?: string;
  plainText?: string | null;
}

/** GET /campaigns/templates: the starters first, then the saved templates, the last changed first. */
export declare namespace GetTemplates {
  interface Response {
    data: TemplateSummary[];
  }
}

/** GET /campaigns/templates/:ref */
export declare namespace GetTemplate {
  interface Request {
    params: { ref: TemplateRef };
  }
  interface Response {
    data: Template;
  }
}

/** GET /campaigns/templates/:ref/render: the template as the sample contact would get it, for its thumbnail. */
export declare namespace RenderTemplate {
  interface Request {
    params: { ref: TemplateRef };
  }
  interface Response {
    data: { subject: string; html: string };
  }
}

/**
 * POST /campaigns/templates: saves a campaign's subject, preheader, content and plain text as a
 * template (201). 404 for an unknown campaign; 400 when its content fails the template checks.
 */
export declare namespace CreateTemplate {
  interface Request {
    body: { data: { name: string; description?: string | null; campaign: string } };
  }
  interface Response {
    data: Template;
  }
}

/** PUT /campaigns/templates/:documentId (saved templates only: a starter is not stored). */
export declare namespace UpdateTemplate {
  interface Request {
    params: { documentId: string };
    body: { data: TemplateInput };
  }
  interface Response {
    data: Template;
  }
}

/** DELETE /campaigns/templates/:documentId: the campaigns made from it keep their content. */
export declare namespace DeleteTemplate {
  interface Request {
    params: { documentId: string };
  }
  interface Response {
    data: { documentId: string };
  }
}
