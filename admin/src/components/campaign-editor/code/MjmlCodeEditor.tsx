import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { autocompletion, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { xml, xmlLanguage } from '@codemirror/lang-xml';
import { bracketMatching, foldGutter, foldKeymap, indentOnInput } from '@codemirror/language';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { Annotation, Compartment, EditorState, type Extension } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { useTheme } from 'styled-components';
import type { TemplateLineProblem } from '../../../../../shared/contracts/template-problems';
import { usePluginMessages } from '../../../hooks/use-plugin-messages';
import { editorTheme, type Colors } from './editor-theme';
import { liquidCompletions } from './liquid-completions';
import { liquidMarks } from './liquid-marks';
import { lineDiagnostics, problemsKey } from './line-diagnostics';
import { MJML_ELEMENTS } from './mjml-schema';

/**
 * What other parts of the editor (merge-tag menu, entries block picker, image picker) may do with
 * the code editor through its ref: `insertAtCursor(text)` replaces the selection (or inserts at
 * the cursor when nothing is selected) with `text`, puts the cursor after it, scrolls it into view
 * and focuses the editor; the change goes through `onChange` like typing, and undoes in one step.
 * Nothing happens while the editor is disabled. `focus()` gives it the keyboard.
 */
export interface MjmlCodeEditorHandle {
  insertAtCursor: (text: string) => void;
  /** The cursor's offset in the text (the selection's head), for a caller that decides where to insert. */
  cursor: () => number;
  /** As insertAtCursor, at offset `at` instead (an element that is only valid in some places). */
  insertAt: (at: number, text: string) => void;
  focus: () => void;
}

export interface MjmlCodeEditorProps {
  value: string;
  onChange: (value: string) => void;
  /** Read-only: the text can be read, selected and copied, not changed. */
  disabled?: boolean;
  /** The server's problems with the text (its template and MJML check), each marked at its line. */
  problems?: readonly TemplateLineProblem[];
  /** The field's error state for assistive technology (aria-invalid), as a design system input has it. */
  invalid?: boolean;
}

/** Marks the transaction that brings a `value` set from outside into the editor: not an edit to report. */
const fromProps = Annotation.define<boolean>();

/** Texts reported through onChange kept at most while the props catch up with them. */
const MAX_ECHOES = 50;

const readOnly = (disabled: boolean): Extension => [
  EditorState.readOnly.of(disabled),
  EditorView.editable.of(!disabled),
  EditorView.editorAttributes.of(disabled ? { class: 'cm-readonly' } : {}),
];

const labelled = (label: string, invalid: boolean): Extension =>
  EditorView.contentAttributes.of({ 'aria-label': label, 'aria-invalid': String(invalid) });

/**
 * The campaign's MJML (with Liquid) in CodeMirror 6: line numbers, folding, highlighting, undo,
 * search, completion of MJML elements and Liquid variables, and the server's problems as lint
 * marks at their lines (gutter marker, underline, message on hover). Its content element is a
 * textbox named "MJML". Controlled: `value` in, every edit out through `onChange`.
 */
export const MjmlCodeEditor = forwardRef<MjmlCodeEditorHandle, MjmlCodeEditorProps>(
  ({ value, onChange, disabled = false, problems = [], invalid = false }, ref) => {
    const t = usePluginMessages();
    const { colors } = useTheme() as unknown as { colors: Colors };
    const label = t('campaignEditor.content.mjml', 'MJML');
    const host = useRef<HTMLDivElement>(null);
    const view = useRef<EditorView | null>(null);
    // One compartment each for what the props change after the editor is made.
    const compartments = useRef({ readOnly: new Compartment(), theme: new Compartment(), label: new Compartment() }).current;
    // The listener is made once: it calls whatever onChange the latest render gave.
    const changed = useRef(onChange);
    changed.current = onChange;
    // The texts reported and not yet seen back as `value`: typing runs ahead of React's renders, and a
    // render with an older text of the editor's own must not turn the editor back to it.
    const echoes = useRef<string[]>([]);

    useEffect(() => {
      const editor = new EditorView({
        parent: host.current!,
        state: EditorState.create({
          doc: value,
          extensions: [
            lineNumbers(),
            highlightActiveLineGutter(),
            foldGutter(),
            lintGutter(),
            history(),
            drawSelection(),
            indentOnInput(),
            bracketMatching(),
            highlightActiveLine(),
            highlightSelectionMatches(),
            xml({ elements: MJML_ELEMENTS }),
            xmlLanguage.data.of({ autocomplete: liquidCompletions }),
            autocompletion(),
            liquidMarks,
            keymap.of([...defaultKeymap, ...historyKeymap, ...foldKeymap, ...searchKeymap, ...completionKeymap, indentWithTab]),
            compartments.readOnly.of(readOnly(disabled)),
            compartments.theme.of(editorTheme(colors)),
            compartments.label.of(labelled(label, invalid)),
            EditorView.updateListener.of((update) => {
              if (!update.docChanged || update.transactions.some((tr) => tr.annotation(fromProps))) return;
              const text = update.state.doc.toString();
              echoes.current = [...echoes.current.slice(1 - MAX_ECHOES), text];
              changed.current(text);
            }),
          ],
        }),
      });
      view.current = editor;
      return () => {
        editor.destroy();
        view.current = null;
      };
      // The editor is made once; the effects below bring later props into it.
      // eslint-disable-next-line react-hooks/exhaustive-deps
    }, []);

    // A value set from outside (a reset, another editing mode) replaces the text; the editor's own edits come back as echoes.
    useEffect(() => {
      const echo = echoes.current.indexOf(value);
      if (echo >= 0) {
        echoes.current = echoes.current.slice(echo + 1);
        return;
      }
      echoes.current = [];
      const editor = view.current!;
      const current = editor.state.doc.toString();
      if (current !== value) editor.dispatch({ changes: { from: 0, to: current.length, insert: value }, annotations: fromProps.of(true) });
    }, [value]);

    useEffect(() => {
      view.current!.dispatch({ effects: compartments.readOnly.reconfigure(readOnly(disabled)) });
    }, [disabled, compartments]);
    useEffect(() => {
      view.current!.dispatch({ effects: compartments.theme.reconfigure(editorTheme(colors)) });
    }, [colors, compartments]);
    useEffect(() => {
      view.current!.dispatch({ effects: compartments.label.reconfigure(labelled(label, invalid)) });
    }, [label, invalid, compartments]);

    const key = problemsKey(problems);
    useEffect(() => {
      const editor = view.current!;
      editor.dispatch(setDiagnostics(editor.state, lineDiagnostics(editor.state.doc, problems)));
      // The key stands for the list: a new array with the same problems changes nothing.
      // eslint-disable-next-line react-hooks/exhaustive-deps
    }, [key]);

    useImperativeHandle(
      ref,
      () => ({
        insertAtCursor: (text: string) => {
          const editor = view.current;
          if (!editor || editor.state.readOnly) return;
          editor.dispatch(editor.state.replaceSelection(text), { scrollIntoView: true, userEvent: 'input.paste' });
          editor.focus();
        },
        cursor: () => view.current?.state.selection.main.head ?? 0,
        insertAt: (at: number, text: string) => {
          const editor = view.current;
          if (!editor || editor.state.readOnly) return;
          editor.dispatch({
            changes: { from: at, insert: text },
            selection: { anchor: at + text.length },
            scrollIntoView: true,
            userEvent: 'input.paste',
          });
          editor.focus();
        },
        focus: () => view.current?.focus(),
      }),
      []
    );

    // minWidth 0: inside a flex or grid column the editor takes the column's width, whatever its longest line.
    return <div ref={host} style={{ minWidth: 0, width: '100%' }} />;
  }
);
MjmlCodeEditor.displayName = 'MjmlCodeEditor';
