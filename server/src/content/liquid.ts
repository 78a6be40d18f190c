import { Context, Liquid, type Template, type Variable } from 'liquidjs';
import type { TemplateLineProblem } from '../../../shared/contracts/template-problems';

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

/**
 * A template that cannot be used, naming the campaign field (`part`), what is wrong with it
 * (`detail`) and, when the source says where, the lines (`problems`) for the code editor to mark.
 */
export class TemplateError extends Error {
  constructor(
    readonly part: string,
    readonly detail: string,
    readonly problems: TemplateLineProblem[] = []
  ) {
    super(`${part}: ${detail}`);
    this.name = 'TemplateError';
  }
}

type Segments = unknown[];
const pathOf = (segments: Segments) => segments.map(String).join('.');

const describe = (error: unknown) => (error instanceof Error ? error.message.split('\n')[0] : String(error));

/** liquidjs ends a parse error's message with where it is; the line says that already. */
const POSITION_SUFFIX = /, line:\d+, col:\d+$/;

/** The line liquidjs's tokenizer and parser errors point at (their token knows it); none for other errors. */
export const liquidProblems = (error: unknown): TemplateLineProblem[] => {
  const token = (error as { token?: { getPosition?: () => [number, number] } } | null)?.token;
  if (typeof token?.getPosition !== 'function') return [];
  const [line] = token.getPosition();
  return [{ line, message: describe(error).replace(POSITION_SUFFIX, '') }];
};

/** A liquidjs error as a TemplateError of `part`, with its line when the source holds it. */
const parseFailure = (part: string, error: unknown) => new TemplateError(part, describe(error), liquidProblems(error));

/**
 * Parses a template and checks what it reads: only the documented globals, and no property name
 * that leads to code. Throws a TemplateError naming the part and the offending reference.
 */
export const parseTemplate = (part: string, source: string, kind: TemplateKind = 'text'): Template[] => {
  const liquid = engines[kind];
  let templates: Template[];
  let analysis: ReturnType<Liquid['analyzeSync']>;
  try {
    templates = liquid.parse(source);
    analysis = liquid.analyzeSync(templates);
  } catch (error) {
    throw parseFailure(part, error);
  }
  const at = (variable: Variable, message: string) => new TemplateError(part, message, [{ line: variable.location.row, message }]);
  // Loop and assign variables are local: every path is checked for code-reaching names, globals for their root.
  for (const variable of Object.values(analysis.variables).flat()) {
    const segments = variable.toArray();
    const forbidden = segments.find((s) => typeof s === 'string' && FORBIDDEN_PROPERTIES.has(s));
    if (forbidden !== undefined) throw at(variable, `"${pathOf(segments)}" reads "${String(forbidden)}", which templates may not read`);
  }
  for (const variable of Object.values(analysis.globals).flat()) {
    const segments = variable.toArray();
    if (!(TEMPLATE_GLOBALS as readonly string[]).includes(String(segments[0]))) {
      throw at(variable, `unknown variable "${pathOf(segments)}": a template can read ${TEMPLATE_GLOBALS.join(', ')}`);
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

const OUT_OF_TIME = /template render limit exceeded/;

/**
 * Runs a render, and once more if it ran out of time. liquidjs's render limit is a deadline on the
 * wall clock, which a busy machine moves: a collection, or other processes on the cores, once pushed
 * a render of a few milliseconds past 250 ms and failed a recipient of a real send (a CI run with
 * the cores kept busy). A template that really loops that long runs out of time twice.
 */
const withinTime = <T>(render: () => T): T => {
  try {
    return render();
  } catch (error) {
    if (!OUT_OF_TIME.test(describe(error))) throw error;
    return render();
  }
};

/** Renders parsed templates for one recipient; a limit or a filter error becomes a TemplateError. */
export const renderTemplate = (part: string, templates: Template[], data: object, kind: TemplateKind = 'text'): string => {
  try {
    return withinTime(() => engines[kind].renderSync(templates, data) as string);
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
  try {
    // A second try starts from a new context: the deadline and the assigns are the context's.
    return withinTime(() => {
      const context = new Context(data, engine.options, { sync: true }, { liquid: engine });
      return runs.map((run) => engine.renderSync(run, context) as string);
    });
  } catch (error) {
    throw new TemplateError(part, describe(error));
  }
};
