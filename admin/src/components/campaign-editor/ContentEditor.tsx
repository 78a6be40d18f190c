import { Field, Flex, Textarea } from '@strapi/design-system';
import { errorFor } from '../../api/errors';
import { usePluginMessages } from '../../hooks/use-plugin-messages';

interface Props {
  content: string;
  plainText: string;
  onChange: (next: { content?: string; plainText?: string }) => void;
  errors: Record<string, string>;
  disabled?: boolean;
}

const code = { fontFamily: 'monospace', fontSize: '1.3rem', lineHeight: 1.5 };

/** The campaign's MJML source and its optional hand-written plain-text part. */
export const ContentEditor = ({ content, plainText, onChange, errors, disabled }: Props) => {
  const t = usePluginMessages();
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
        <Textarea
          value={content}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => onChange({ content: e.target.value })}
          disabled={disabled}
          spellCheck={false}
          wrap="off"
          style={{ ...code, minHeight: '36rem' }}
        />
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
