import { Flex, Typography } from '@strapi/design-system';
import type { SuppressionBatchResult } from '../../../../shared/contracts/suppressions';
import { usePluginMessages } from '../../hooks/use-plugin-messages';

/** What a paste or an import did: counts, then every entry that is not an address, with its line. */
export const BatchResult = ({ result }: { result: SuppressionBatchResult }) => {
  const t = usePluginMessages();
  return (
    <Flex direction="column" alignItems="stretch" gap={2} role="status">
      <Typography fontWeight="bold">
        {t('suppressions.result.added', '{added, plural, one {# address suppressed} other {# addresses suppressed}}', {
          added: result.added,
        })}
      </Typography>
      {result.alreadySuppressed > 0 && (
        <Typography>
          {t(
            'suppressions.result.already',
            '{count, plural, one {# address was} other {# addresses were}} already suppressed: the first record stays.',
            { count: result.alreadySuppressed }
          )}
        </Typography>
      )}
      {result.duplicates > 0 && (
        <Typography>
          {t('suppressions.result.duplicates', '{count, plural, one {# repeated address} other {# repeated addresses}} counted once.', {
            count: result.duplicates,
          })}
        </Typography>
      )}
      {result.invalidCount > 0 && (
        <>
          <Typography textColor="danger600">
            {t(
              'suppressions.result.invalid',
              '{count, plural, one {# entry is not an address and was left out:} other {# entries are not addresses and were left out:}}',
              {
                count: result.invalidCount,
              }
            )}
          </Typography>
          <ul aria-label={t('suppressions.result.invalidList', 'Entries left out')}>
            {result.invalid.map((problem) => (
              <li key={`${problem.line}:${problem.entry}`}>
                <Typography>
                  {t('suppressions.result.problem', 'Line {line}: {reason}', { line: problem.line, reason: problem.reason })}
                </Typography>
              </li>
            ))}
          </ul>
        </>
      )}
    </Flex>
  );
};
