import { useId, useState, type ReactNode } from 'react';
import { Box, Button, Flex } from '@strapi/design-system';

/** A part of the reader shown on demand (the quoted original, the raw mail): a button that opens and closes it. */
export const Collapsed = ({ show, hide, children }: { show: string; hide: string; children: ReactNode }) => {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Box>
        <Button variant="tertiary" size="S" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
          {open ? hide : show}
        </Button>
      </Box>
      <div id={id} hidden={!open}>
        {open && children}
      </div>
    </Flex>
  );
};
