import type { Diagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';
import type { TemplateLineProblem } from '../../../../../shared/contracts/template-problems';

/**
 * The server's line problems as CodeMirror diagnostics: each underlines its line from the first
 * character that is not indentation to the end. A line past the end (the text changed since the
 * server looked) marks the last line rather than vanishing, so the message is never lost.
 */
export const lineDiagnostics = (doc: Text, problems: readonly TemplateLineProblem[]): Diagnostic[] =>
  problems.map(({ line, message }) => {
    const at = doc.line(Math.min(Math.max(1, line), doc.lines));
    const indent = /^\s*/.exec(at.text)![0].length;
    return { from: at.from + Math.min(indent, at.length), to: at.to, severity: 'error', message, source: 'MJML' };
  });

/** A stable key for a problem list: the editor replaces its diagnostics only when the list really changed. */
export const problemsKey = (problems: readonly TemplateLineProblem[]) => problems.map((p) => `${p.line}:${p.message}`).join('\n');
