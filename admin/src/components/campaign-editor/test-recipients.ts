import { pluginMessage, type PluginMessage } from '../../hooks/use-plugin-messages';

/** The server's limit on one test send (shared/contracts/sending.ts SendTestRequest). */
export const MAX_TEST_RECIPIENTS = 10;

/** The addresses typed one per line or separated by commas, without blanks or repeats. */
export const parseRecipients = (text: string): string[] => [
  ...new Set(
    text
      .split(/[,;\n]/)
      .map((address) => address.trim())
      .filter(Boolean)
  ),
];

/** Why the typed list cannot be sent, or undefined; the server still checks each address. */
export const recipientsProblem = (emails: string[]): PluginMessage | undefined => {
  if (!emails.length) return pluginMessage('campaignEditor.test.none', 'Type at least one address');
  if (emails.length > MAX_TEST_RECIPIENTS) {
    return pluginMessage('campaignEditor.test.tooMany', 'At most {max} addresses ({count} typed)', {
      max: MAX_TEST_RECIPIENTS,
      count: emails.length,
    });
  }
  return undefined;
};
