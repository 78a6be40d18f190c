import { useRef } from 'react';
import { Field, Flex, Textarea } from '@strapi/design-system';
import type { TemplateLineProblem } from '../../../../shared/contracts/template-problems';
import { errorFor } from '../../api/errors';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { ContentBlocksToolbar } from '../content-blocks/ContentBlocksToolbar';
import { placeElement } from '../content-blocks/place-element';
import { ContentModes } from './builder/ContentModes';
import { MjmlCodeEditor, type MjmlCodeEditorHandle } from './code/MjmlCodeEditor';

interface Props {
  content: string;
  plainText: string;
  onChange: (next: { content?: string; plainText?: string }) => void;
  errors: Record<string, string>;
  /** The server's problems with the MJML, line by line (preview and save), marked in the code editor. */
  problems: readonly TemplateLineProblem[];
  disabled?: boolean;
  /** Whether the visual builder is shown (it needs a wider column than the code). */
  onBuilderShown?: (shown: boolean) => void;
}

const code = { fontFamily: 'monospace', fontSize: '1.3rem', lineHeight: 1.5 };

/** The campaign's MJML source (in the code editor) and its optional hand-written plain-text part. */
export const ContentEditor = ({ content, plainText, onChange, errors, problems, disabled, onBuilderShown }: Props) => {
  const t = usePluginMessages();
  const editor = useRef<MjmlCodeEditorHandle>(null);
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Field.Root
        name="content"
        error={errorFor(errors, 'content')}
        hint={t('campaignEditor.content.hint', 'MJML with Liquid merge tags: {firstName}, {unsubscribe}', {
          firstName: '{{ contact.firstName }}',
          unsubscribe: '{{ unsubscribe_url }}',
        })}
      >
        <Field.Label>{t('campaignEditor.content.mjml', 'MJML')}</Field.Label>
        <ContentModes
          content={content}
          onChange={(next) => onChange({ content: next })}
          disabled={disabled}
          onBuilderShown={onBuilderShown}
        >
          <ContentBlocksToolbar
            disabled={disabled}
            onInsert={(element, slot) => {
              const place = placeElement(content, editor.current?.cursor() ?? content.length, element, slot);
              editor.current?.insertAt(place.at, place.text);
            }}
          />
          <MjmlCodeEditor
            ref={editor}
            value={content}
            onChange={(next) => onChange({ content: next })}
            disabled={disabled}
            problems={problems}
            invalid={Boolean(errorFor(errors, 'content'))}
          />
        </ContentModes>
        <Field.Hint />
        <Field.Error />
      </Field.Root>
      <Field.Root
        name="plainText"
        error={errorFor(errors, 'plainText')}
        hint={t('campaignEditor.content.plainText.hint', 'Empty: generated from the HTML')}
      >
        <Field.Label>{t('campaignEditor.content.plainText', 'Plain text')}</Field.Label>
        <Textarea
          value={plainText}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => onChange({ plainText: e.target.value })}
          disabled={disabled}
          style={{ ...code, minHeight: '10rem' }}
        />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    </Flex>
  );
};
