import type { KeyboardEvent, ReactNode } from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';

interface Props {
  name: string;
  description: string | null;
  /** The thumbnail, or what stands for it (the blank message's). */
  preview: ReactNode;
  /** In a gallery: a radio of its group, `selected` or not. Without it, a plain card. */
  select?: { selected: boolean; onSelect: () => void };
  /** Under the description (a managed template's date and buttons). */
  footer?: ReactNode;
}

/** One template: its thumbnail, name and description; in a gallery, a choice among the others. */
export const TemplateCard = ({ name, description, preview, select, footer }: Props) => {
  const choose = (event: KeyboardEvent) => {
    if (event.key !== ' ' && event.key !== 'Enter') return;
    event.preventDefault();
    select?.onSelect();
  };
  return (
    <Box
      padding={3}
      hasRadius
      background={select?.selected ? 'primary100' : 'neutral0'}
      borderColor={select?.selected ? 'primary600' : 'neutral200'}
      borderStyle="solid"
      borderWidth="2px"
      style={select ? { cursor: 'pointer' } : undefined}
      {...(select && {
        role: 'radio',
        'aria-checked': select.selected,
        'aria-label': name,
        tabIndex: 0,
        onClick: select.onSelect,
        onKeyDown: choose,
      })}
    >
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Flex justifyContent="center">{preview}</Flex>
        <Typography fontWeight="bold" ellipsis>
          {name}
        </Typography>
        {description && (
          <Typography variant="pi" textColor="neutral600">
            {description}
          </Typography>
        )}
        {footer}
      </Flex>
    </Box>
  );
};
