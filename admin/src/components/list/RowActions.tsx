import { Flex, IconButton } from '@strapi/design-system';
import { Pencil, Trash } from '@strapi/icons';
import { usePluginMessages } from '../../hooks/use-plugin-messages';

interface Props {
  /** The row's name, in the buttons' labels. */
  name: string;
  /** The edit button's label for this row ("Rename Spring news"); "Edit <name>" when absent. */
  editLabel?: string;
  /** Absent for an admin who may not edit, or delete: the button is not shown. */
  onEdit?: () => void;
  onDelete?: () => void;
}

/** A row's edit and delete buttons. */
export const RowActions = ({ name, editLabel, onEdit, onDelete }: Props) => {
  const t = usePluginMessages();
  return (
    <Flex gap={1}>
      {onEdit && (
        <IconButton label={editLabel ?? t('list.row.edit', 'Edit {name}', { name })} variant="ghost" onClick={onEdit}>
          <Pencil />
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
