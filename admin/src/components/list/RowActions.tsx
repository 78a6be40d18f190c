import { Flex, IconButton } from '@strapi/design-system';
import { Duplicate, Pencil, Trash } from '@strapi/icons';
import { usePluginMessages } from '../../hooks/use-plugin-messages';

interface Props {
  /** The row's name, in the buttons' labels. */
  name: string;
  /** Absent for an admin who may not edit, copy or delete: the button is not shown. */
  onEdit?: () => void;
  onDuplicate?: () => void;
  onDelete?: () => void;
}

/** A row's edit, duplicate and delete buttons. */
export const RowActions = ({ name, onEdit, onDuplicate, onDelete }: Props) => {
  const t = usePluginMessages();
  return (
    <Flex gap={1}>
      {onEdit && (
        <IconButton label={t('list.row.edit', 'Edit {name}', { name })} variant="ghost" onClick={onEdit}>
          <Pencil />
        </IconButton>
      )}
      {onDuplicate && (
        <IconButton label={t('list.row.duplicate', 'Duplicate {name}', { name })} variant="ghost" onClick={onDuplicate}>
          <Duplicate />
        </IconButton>
      )}
      {onDelete && (
        <IconButton label={t('list.row.delete', 'Delete {name}', { name })} variant="ghost" onClick={onDelete}>
          <Trash />
        </IconButton>
      )}
    </Flex>
  );
};
