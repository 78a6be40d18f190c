import { Context, Liquid, type Template } from 'liquidjs';

/** The names a template may read at its top level; anything else is a typo or an attempt to reach further. */
export const TEMPLATE_GLOBALS = [
  'contact',
  'campaign',
  'unsubscribe_url',
  'preferences_url',
  'view_in_browser_url',
  'postal_address',
] as const;

/** Property names that lead from data to code in JavaScript: never readable, whatever the object. */
const FORBIDDEN_PROPERTIES = new Set(['constructor', '__proto__', 'prototype', '__defineGetter__', '__defineSetter__', '__lookupGetter__']);

export const LIMITS = {
  /** Characters of template source parsed at most. */
  parse: 3_000_000,
  /** Milliseconds one render may take; a loop over a huge range stops here. */
  render: 250,
  /** Bytes of strings and arrays one render may allocate through filters and loops. */
  memory: 20_000_000,
};

/**
 * One engine for every campaign template. ownPropertyOnly keeps `{{ x.constructor }}` from walking
 * the prototype chain; strict filters make an unknown filter a parse error rather than a silent
 * pass-through; the limits bound what one recipient's render can cost. No file system: includes
 * and layouts have no root to read from.
 */
const createEngine = (escapeHtml: boolean) =>
  new Liquid({
    ownPropertyOnly: true,
    strictFilters: true,
    strictVariables: false,
    jsTruthy: false,
    relativeReference: false,
    root: [],
    partials: [],
    layouts: [],
    parseLimit: LIMITS.parse,
    renderLimit: LIMITS.render,
    memoryLimit: LIMITS.memory,
    cache: false,
    // In the HTML part a merged value is text: a first name of "<b>" must not become markup.
    outputEscape: escapeHtml ? 'escape' : undefined,
  });

/** Where a template's output goes: HTML escapes every merged value (`| raw` opts out), text does not. */
export type TemplateKind = 'html' | 'text';
const engines: Record<TemplateKind, Liquid> = { html: createEngine(true), text: createEngine(false) };

/** A template that cannot be used, naming the campaign field (`part`) and what is wrong with it (`detail`). */
export class TemplateError extends Error {
  constructor(
    readonly part: string,
    readonly detail: string
  ) {
    super(`${part}: ${detail}`);
    this.name = 'TemplateError';
  }
}

type Segments = unknown[];
const pathOf = (segments: Segments) => segments.map(String).join('.');

const describe = (error: unknown) => (error instanceof Error ? error.message.split('\n')[0] : String(error));

/**
 * Parses a template and checks what it reads: only the documented globals, and no property name
 * that leads to code. Throws a TemplateError naming the part and the offending reference.
 */
export const parseTemplate = (part: string, source: string, kind: TemplateKind = 'text'): Template[] => {
  const liquid = engines[kind];
  let templates: Template[];
  try {
    templates = liquid.parse(source);
  } catch (error) {
    throw new TemplateError(part, describe(error));
  }
  let globals: Segments[];
  let all: Segments[];
  try {
    globals = liquid.globalVariableSegmentsSync(templates) as Segments[];
    all = liquid.variableSegmentsSync(templates) as Segments[];
  } catch (error) {
    throw new TemplateError(part, describe(error));
  }
  // Loop and assign variables are local: every path is checked for code-reaching names, globals for their root.
  for (const segments of all) {
    const forbidden = segments.find((s) => typeof s === 'string' && FORBIDDEN_PROPERTIES.has(s));
    if (forbidden !== undefined)
      throw new TemplateError(part, `"${pathOf(segments)}" reads "${String(forbidden)}", which templates may not read`);
  }
  for (const segments of globals) {
    if (!(TEMPLATE_GLOBALS as readonly string[]).includes(String(segments[0]))) {
      throw new TemplateError(part, `unknown variable "${pathOf(segments)}": a template can read ${TEMPLATE_GLOBALS.join(', ')}`);
    }
  }
  return templates;
};

/** Parses a template the plugin itself made from checked source (links rewritten, pixel added). */
export const parseGenerated = (part: string, source: string, kind: TemplateKind): Template[] => {
  try {
    return engines[kind].parse(source);
  } catch (error) {
    throw new TemplateError(part, describe(error));
  }
};

/** Renders parsed templates for one recipient; a limit or a filter error becomes a TemplateError. */
export const renderTemplate = (part: string, templates: Template[], data: object, kind: TemplateKind = 'text'): string => {
  try {
    return engines[kind].renderSync(templates, data) as string;
  } catch (error) {
    throw new TemplateError(part, describe(error));
  }
};

/**
 * Renders several runs of one template for one recipient in one context, so the limits and any
 * `{% assign %}` span them all, as if they were rendered as one template.
 */
export const renderRuns = (part: string, runs: Template[][], data: object, kind: TemplateKind = 'text'): string[] => {
  const engine = engines[kind];
  const context = new Context(data, engine.options, { sync: true }, { liquid: engine });
  try {
    return runs.map((run) => engine.renderSync(run, context) as string);
  } catch (error) {
    throw new TemplateError(part, describe(error));
  }
};
