/**
 * Where a campaign template is wrong, line by line, so the code editor can mark each line. A 400
 * about a template field carries them beside its message:
 * `details.errors[i] = { path: ['content'], message, name: 'ValidationError', lines: TemplateLineProblem[] }`.
 * `lines` is absent when the problem has no place in the source (an empty field, a render limit).
 */
export interface TemplateLineProblem {
  /** 1-based line of the field's source, as the editor numbers it. */
  line: number;
  message: string;
}

/** One entry of a ValidationError's `details.errors`: the field, what is wrong, and where when known. */
export interface FieldErrorDetail {
  path: string[];
  message: string;
  name: 'ValidationError';
  lines?: TemplateLineProblem[];
}
