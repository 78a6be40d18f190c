import { Box, Typography } from '@strapi/design-system';

/**
 * Mail text as text: React escapes it, so the markup of a hostile mail is read, never rendered or
 * run in the admin's origin; its line breaks are kept.
 */
export const TextBlock = ({ text, label, mono = false }: { text: string; label: string; mono?: boolean }) => (
  <Box
    tag="pre"
    aria-label={label}
    background="neutral100"
    padding={4}
    hasRadius
    overflow="auto"
    style={{ maxHeight: '32rem', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0, fontFamily: mono ? 'monospace' : 'inherit' }}
  >
    <Typography tag={mono ? 'code' : 'span'} variant={mono ? 'pi' : 'omega'}>
      {text}
    </Typography>
  </Box>
);
