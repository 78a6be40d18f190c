import type { FormEvent, ReactNode } from 'react';
import { Flex, Modal, Typography } from '@strapi/design-system';

interface Props {
  open: boolean;
  title: string;
  /** Escape, the close button or a click outside. */
  onClose: () => void;
  onSubmit: (event: FormEvent) => void | Promise<void>;
  /** The footer's buttons. */
  footer: ReactNode;
  children: ReactNode;
}

/** A modal whose content is one form: its title, its fields in a column, its buttons in the footer. */
export const ModalForm = ({ open, title, onClose, onSubmit, footer, children }: Props) => (
  <Modal.Root open={open} onOpenChange={(next: boolean) => !next && onClose()}>
    <Modal.Content>
      <form onSubmit={onSubmit} noValidate>
        <Modal.Header>
          <Modal.Title>{title}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            {children}
          </Flex>
        </Modal.Body>
        <Modal.Footer>{footer}</Modal.Footer>
      </form>
    </Modal.Content>
  </Modal.Root>
);

/** A message about the whole form, under its fields. */
export const FormError = ({ error }: { error?: string }) =>
  error ? (
    <Typography textColor="danger600" role="alert">
      {error}
    </Typography>
  ) : null;
