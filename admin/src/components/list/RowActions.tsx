import { Flex, IconButton } from '@strapi/design-system';
import { Pencil, Trash } from '@strapi/icons';

interface Props {
  /** The row's name, in the buttons' labels. */
  name: string;
  editVerb?: string;
  /** Absent for an admin who may not edit, or delete: the button is not shown. */
  onEdit?: () => void;
  onDelete?: () => void;
}

/** A row's edit and delete buttons. */
export const RowActions = ({ name, editVerb = 'Edit', onEdit, onDelete }: Props) => (
  <Flex gap={1}>
    {onEdit && (
      <IconButton label={`${editVerb} ${name}`} variant="ghost" onClick={onEdit}>
        <Pencil />
      </IconButton>
    )}
    {onDelete && (
      <IconButton label={`Delete ${name}`} variant="ghost" onClick={onDelete}>
        <Trash />
      </IconButton>
    )}
  </Flex>
);
