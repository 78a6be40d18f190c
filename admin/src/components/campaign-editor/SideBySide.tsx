import type { ReactNode } from 'react';
import { Box, Flex } from '@strapi/design-system';
import { VIEWPORT_WIDTH } from './PreviewFrame';

/** The preview's panel at its narrowest whole: the desktop frame, its backdrop's padding and its section's. */
const PREVIEW_PANEL = `calc(${VIEWPORT_WIDTH.desktop}px + 6.4rem)`;

/**
 * The content beside its preview when the page has room for both (the preview whole, the editor
 * at least 30rem wide: from about 1390 px of window beside Strapi's two navigation columns), one
 * above the other when it does not. The room is measured, not guessed from the window's width by
 * a breakpoint, since the navigation columns take their share of it. Side by side, the editor
 * takes what is left over; alone in its row, each takes the row.
 */
export const SideBySide = ({ start, end, wide }: { start: ReactNode; end: ReactNode; wide?: boolean }) => (
  <Flex wrap="wrap" gap={6} alignItems="flex-start">
    {/* `wide`: the start needs the row (the visual builder's blocks beside its 600 px canvas). */}
    <Box flex={wide ? '1 1 100%' : '999 1 30rem'} minWidth={0}>
      {start}
    </Box>
    <Box flex={`1 1 ${PREVIEW_PANEL}`} minWidth={0}>
      {end}
    </Box>
  </Flex>
);
