import type { Variant, VariantField } from '../../../../shared/contracts/experiments';
import { useFieldLabels } from './FactorialSetup';

/**
 * A stored variant's name in the admin's language: a factorial cell's is made from its levels
 * with the fields' labels given (the name the server stored for it is English); any other
 * variant's is the one its editor gave.
 */
export const variantNameOf = ({ name, cell }: Pick<Variant, 'name' | 'cell'>, labels: Record<VariantField, string>) =>
  cell
    ? Object.entries(cell)
        .map(([field, level]) => `${labels[field as VariantField]}: ${level}`)
        .join(' · ')
    : name;

/** variantNameOf with the fields' labels translated. */
export const useVariantName = () => {
  const labels = useFieldLabels();
  return (variant: Pick<Variant, 'name' | 'cell'>) => variantNameOf(variant, labels);
};
