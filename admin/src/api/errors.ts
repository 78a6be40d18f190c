import type { TemplateLineProblem } from '../../../shared/contracts/template-problems';

interface ServerError {
  status?: number;
  message?: string;
  details?: { errors?: Array<{ path?: string[]; message: string; lines?: TemplateLineProblem[] }> };
}

/**
 * The error body the server answered: RTK Query hands it over as the error itself (`unwrap()`
 * rejects with it); the fetch client's FetchError carries it in `response.data.error`.
 */
const serverError = (error: unknown): ServerError | undefined =>
  (error as { response?: { data?: { error?: ServerError } } })?.response?.data?.error ?? (error as ServerError | undefined);

/** The message the server put in its error body (ValidationError says what to fix), else a generic one. */
export const errorMessage = (error: unknown): string => serverError(error)?.message ?? 'Something went wrong';

/**
 * Whether asking again may answer otherwise: no answer at all (the connection failed) or a server
 * failure (5xx). A 4xx says what is wrong with the request, so the same request would get it again.
 */
export const isTransient = (error: unknown): boolean => {
  const status = (error as { status?: unknown })?.status;
  return typeof status !== 'number' || status >= 500;
};

/** Whether the server answered 404: the record asked for does not exist (any more). */
export const isNotFound = (error: unknown): boolean => (error as { status?: number })?.status === 404;

/**
 * The server's validation errors by field ("email", "consent.source"), from the `details.errors`
 * every ValidationError of this plugin carries, so a form can show each under its input.
 */
export const fieldErrors = (error: unknown): Record<string, string> => {
  const entries = (serverError(error)?.details?.errors ?? [])
    .filter((e) => e.path?.length)
    .map((e) => [e.path!.join('.'), e.message] as const);
  return Object.fromEntries(entries);
};

/** The error of a field or of anything inside it ("attributes" also shows "attributes.plan"'s). */
export const errorFor = (errors: Record<string, string>, field: string): string | undefined =>
  errors[field] ?? Object.entries(errors).find(([path]) => path.startsWith(`${field}.`))?.[1];

/** The server's message about one input field (or anything inside it), if it named that field. */
export const fieldErrorMessage = (error: unknown, field: string): string | undefined => errorFor(fieldErrors(error), field);

/** Where the server found a template field wrong, line by line (`details.errors[i].lines`), for a code editor to mark. */
export const fieldLines = (error: unknown, field: string): TemplateLineProblem[] =>
  (serverError(error)?.details?.errors ?? []).filter((e) => e.path?.join('.') === field).flatMap((e) => e.lines ?? []);
