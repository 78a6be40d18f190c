import { Dialog } from '@strapi/design-system';
import { ConfirmDialog, useNotification } from '@strapi/strapi/admin';
import { errorMessage } from '../../api/errors';
import { usePluginMessages } from '../../hooks/use-plugin-messages';

interface Props<T extends { name: string }> {
  /** The row to delete; the dialog is open while there is one. */
  item?: T;
  title: string;
  /** What deleting this row takes with it. */
  warning: (item: T) => string;
  onDelete: (item: T) => Promise<unknown>;
  /** After a delete went through (a page that reloads its list by hand). */
  onDeleted?: () => void;
  onClose: () => void;
}

/** Asks before deleting a row, then says how it went. */
export const DeleteDialog = <T extends { name: string }>({ item, title, warning, onDelete, onDeleted, onClose }: Props<T>) => {
  const { toggleNotification } = useNotification();
  const t = usePluginMessages();

  const confirm = async () => {
    if (!item) return;
    try {
      await onDelete(item);
      toggleNotification({ type: 'success', message: t('dialogs.delete.done', 'Deleted "{name}"', { name: item.name }) });
      onDeleted?.();
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorMessage(e) });
    } finally {
      onClose();
    }
  };

  return (
    <Dialog.Root open={Boolean(item)} onOpenChange={(open: boolean) => !open && onClose()}>
      <ConfirmDialog onConfirm={confirm} title={title}>
        {item ? warning(item) : ''}
      </ConfirmDialog>
    </Dialog.Root>
  );
};
