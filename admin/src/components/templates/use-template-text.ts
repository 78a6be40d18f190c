import { starterKeyOf, type TemplateSummary } from '../../../../shared/contracts/templates';
import { usePluginMessages } from '../../hooks/use-plugin-messages';

/** A template's name and description as the admin shows them: a starter's in the admin's language, a saved one's as written. */
export const useTemplateText = () => {
  const t = usePluginMessages();
  return (template: TemplateSummary) => {
    const key = starterKeyOf(template.id);
    if (!key) return { name: template.name, description: template.description };
    return {
      name: t(`templates.starter.${key}.name`, template.name),
      description: t(`templates.starter.${key}.description`, template.description ?? ''),
    };
  };
};
