import { Field, Flex, Textarea } from '@strapi/design-system';
import { errorFor } from '../../api/errors';

interface Props {
  content: string;
  plainText: string;
  onChange: (next: { content?: string; plainText?: string }) => void;
  errors: Record<string, string>;
  disabled?: boolean;
}

const code = { fontFamily: 'monospace', fontSize: '1.3rem', lineHeight: 1.5 };

/** The campaign's MJML source and its optional hand-written plain-text part. */
export const ContentEditor = ({ content, plainText, onChange, errors, disabled }: Props) => (
  <Flex direction="column" alignItems="stretch" gap={4}>
    <Field.Root name="content" error={errorFor(errors, 'content')} hint="MJML with Liquid merge tags: {{ contact.firstName }}, {{ unsubscribe_url }}">
      <Field.Label>MJML</Field.Label>
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
    <Field.Root name="plainText" error={errorFor(errors, 'plainText')} hint="Empty: generated from the HTML">
      <Field.Label>Plain text</Field.Label>
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
