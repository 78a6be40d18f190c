import { Field, Flex, Grid, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import type { Sender } from '../../../../shared/contracts/sending';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { TextField } from './TextField';

interface Props {
  senders: Sender[];
  fromName: string;
  fromEmail: string;
  onChange: (from: { fromName: string; fromEmail: string }) => void;
  error?: string;
  disabled?: boolean;
}

const labelOf = ({ name, email }: { name: string | null; email: string }) => (name ? `${name} <${email}>` : email);

/**
 * The From address: one of the configured senders (the server accepts no other), or typed in when
 * the site configured none yet.
 */
export const SenderField = ({ senders, fromName, fromEmail, onChange, error, disabled }: Props) => {
  const t = usePluginMessages();
  if (!senders.length) {
    return (
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography variant="pi" textColor="neutral600">
          {t(
            'campaignEditor.sender.none',
            "No sender is configured: add them to the plugin's {option} option. Until then, type the From name and address.",
            {
              option: 'sending.senders',
            }
          )}
        </Typography>
        <Grid.Root gap={4}>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <TextField
              name="fromName"
              label={t('campaignEditor.sender.fromName', 'From name')}
              value={fromName}
              onChange={(v) => onChange({ fromName: v, fromEmail })}
              disabled={disabled}
            />
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <TextField
              name="fromEmail"
              label={t('campaignEditor.sender.fromEmail', 'From email')}
              type="email"
              value={fromEmail}
              onChange={(v) => onChange({ fromName, fromEmail: v })}
              error={error}
              disabled={disabled}
            />
          </Grid.Item>
        </Grid.Root>
      </Flex>
    );
  }

  // A stored address the configuration no longer lists stays visible, so the editor sees why the save is refused.
  const unlisted = fromEmail && !senders.some((s) => s.email === fromEmail) ? [{ name: fromName || null, email: fromEmail }] : [];
  return (
    <Field.Root name="fromEmail" error={error}>
      <Field.Label>{t('campaignEditor.sender.label', 'From')}</Field.Label>
      <SingleSelect
        placeholder={t('campaignEditor.sender.placeholder', 'Choose a sender')}
        value={fromEmail || null}
        disabled={disabled}
        onChange={(email: string | number) => {
          const sender = senders.find((s) => s.email === email);
          if (sender) onChange({ fromName: sender.name ?? '', fromEmail: sender.email });
        }}
      >
        {[...unlisted, ...senders].map((sender) => (
          <SingleSelectOption key={sender.email} value={sender.email}>
            {labelOf(sender)}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <Field.Error />
    </Field.Root>
  );
};
