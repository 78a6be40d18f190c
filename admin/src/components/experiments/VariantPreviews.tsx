import { useState } from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import type { VariantPreviewInput } from '../../../../shared/contracts/experiments';
import { errorMessage } from '../../api/errors';
import { usePreviewExperimentVariantsQuery } from '../../api/experiment-views';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { MailFrame } from '../MailFrame';
import type { VariantValues } from './experiment-form';

const PREVIEW_DELAY_MS = 600;

/** The panel's values as the preview takes them: every message field as typed, an empty one being the campaign's. */
const previewInputOf = (variants: readonly VariantValues[]): VariantPreviewInput[] =>
  variants.map(({ key, name, subject, preheader, fromName, content }) => ({ key, name, subject, preheader, fromName, content }));

const Line = ({ label, value }: { label: string; value: string }) => (
  <Flex gap={2} alignItems="baseline">
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    <Typography variant="pi">{value || '—'}</Typography>
  </Flex>
);

/**
 * One variant's column: its own render (a variant whose template fails shows why, the others
 * still show theirs), in the mail's sandbox, as the campaign's preview.
 */
const VariantColumn = ({
  documentId,
  variants,
  variantKey,
}: {
  documentId: string;
  variants: VariantPreviewInput[];
  variantKey: string;
}) => {
  const t = usePluginMessages();
  const { data, error, isError, isFetching } = usePreviewExperimentVariantsQuery({ documentId, variants, only: variantKey });
  const name = variants.find((v) => v.key === variantKey)?.name ?? variantKey;
  const title = t('experiments.preview.column', 'Variant {key}: {name}', { key: variantKey, name });
  const preview = isError ? undefined : data?.[0];
  return (
    <Box
      role="region"
      aria-label={title}
      aria-busy={isFetching}
      flex="1 0 calc(25% - 1.2rem)"
      minWidth="32rem"
      background="neutral100"
      padding={3}
      hasRadius
    >
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography variant="delta" tag="h4">
          {title}
        </Typography>
        {isError ? (
          <Typography textColor="danger600" role="alert">
            {errorMessage(error)}
          </Typography>
        ) : !preview ? (
          <Typography>{t('campaignEditor.preview.rendering', 'Rendering…')}</Typography>
        ) : (
          <>
            <Line label={t('experiments.preview.subject', 'Subject')} value={preview.subject} />
            <Line label={t('experiments.preview.preheader', 'Preheader')} value={preview.preheader} />
            <Line label={t('experiments.preview.fromName', 'From')} value={preview.fromName} />
            <MailFrame
              title={t('experiments.preview.frame', 'Preview of variant {key}', { key: variantKey })}
              html={preview.html}
              style={{ display: 'block', width: '100%', height: '48rem', border: 0, background: 'white' }}
            />
          </>
        )}
      </Flex>
    </Box>
  );
};

/**
 * The variants' messages next to each other, as their recipients get them: the campaign's saved
 * fields with each variant's overrides as typed (unsaved), rendered by the server once typing
 * pauses. Up to four columns across, more scroll sideways.
 */
export const VariantPreviews = ({ documentId, variants }: { documentId: string; variants: readonly VariantValues[] }) => {
  const t = usePluginMessages();
  const [shown, setShown] = useState(false);
  // Debounced as a string: a new array each render would restart the delay forever.
  const settled = useDebouncedValue(JSON.stringify(previewInputOf(variants)), PREVIEW_DELAY_MS);
  const input = JSON.parse(settled) as VariantPreviewInput[];
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Box>
        <Button variant="secondary" onClick={() => setShown(!shown)} aria-expanded={shown}>
          {shown
            ? t('experiments.preview.hide', 'Hide the variants’ preview')
            : t('experiments.preview.show', 'Preview variants side by side')}
        </Button>
      </Box>
      {shown && (
        <Flex
          role="group"
          aria-label={t('experiments.preview.title', 'The variants side by side')}
          gap={3}
          alignItems="flex-start"
          overflow="auto"
          paddingBottom={2}
        >
          {input.map((variant) => (
            <VariantColumn key={variant.key} documentId={documentId} variants={input} variantKey={variant.key} />
          ))}
        </Flex>
      )}
    </Flex>
  );
};
