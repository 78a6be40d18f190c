import { Typography } from '@strapi/design-system';
import type { ImportTarget } from '../../../../shared/contracts/imports';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { attributeOf, CHOICES, type MappingProblem } from './mapping';

const quoted = (columns: string[]) => columns.map((c) => `"${c}"`).join(', ');

/** Why the mapping cannot be sent yet, one alert per problem. */
export const MappingProblems = ({ problems }: { problems: MappingProblem[] }) => {
  const t = usePluginMessages();

  const targetName = (target: ImportTarget) => {
    const attribute = attributeOf(target);
    if (attribute !== undefined) return t('imports.mapping.attributeNamed', 'attribute "{name}"', { name: attribute });
    return t(CHOICES.find((c) => c.value === target)!.label);
  };

  const describe = (problem: MappingProblem) => {
    switch (problem.kind) {
      case 'badAttribute':
        return t(
          'imports.mapping.badAttribute',
          'Column "{column}": an attribute name is letters, digits and "_", not starting with a digit (up to 64)',
          { column: problem.column }
        );
      case 'noEmail':
        return t('imports.mapping.noEmail', 'Map one column to Email');
      case 'sameTarget':
        return t('imports.mapping.sameTarget', 'Columns {columns} all map to {target}: keep one', {
          columns: quoted(problem.columns),
          target: targetName(problem.target),
        });
    }
  };

  return (
    <>
      {problems.map((problem) => {
        const text = describe(problem);
        return (
          <Typography key={text} textColor="danger600" role="alert">
            {text}
          </Typography>
        );
      })}
    </>
  );
};
