import { Box, Flex, Typography } from '@strapi/design-system';
import type { TemplateRef, TemplateSummary } from '../../../../shared/contracts/templates';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { BlankPreview } from './BlankPreview';
import { TemplateCard } from './TemplateCard';
import { TemplateThumbnail } from './TemplateThumbnail';
import { useTemplateText } from './use-template-text';

interface Props {
  templates: readonly TemplateSummary[];
  /** The chosen template; null for the blank message. */
  value: TemplateRef | null;
  onChange: (value: TemplateRef | null) => void;
}

const GRID = { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(272px, 1fr))', gap: '16px' } as const;

/** What a new campaign starts from: the blank message, a starter, or a saved template; one radio group, in sections. */
export const TemplateGallery = ({ templates, value, onChange }: Props) => {
  const t = usePluginMessages();
  const textOf = useTemplateText();
  const card = (template: TemplateSummary) => {
    const { name, description } = textOf(template);
    return (
      <TemplateCard
        key={template.id}
        name={name}
        description={description}
        preview={<TemplateThumbnail id={template.id} name={name} />}
        select={{ selected: value === template.id, onSelect: () => onChange(template.id) }}
      />
    );
  };
  const saved = templates.filter((template) => template.kind === 'saved');

  return (
    <Flex role="radiogroup" aria-label={t('templates.gallery.label', 'Start from')} direction="column" alignItems="stretch" gap={4}>
      <Typography variant="sigma" textColor="neutral600">
        {t('templates.gallery.starters', 'Starters')}
      </Typography>
      <Box style={GRID}>
        <TemplateCard
          name={t('templates.blank.name', 'Blank')}
          description={t('templates.blank.description', 'Write the message yourself, in MJML.')}
          preview={<BlankPreview />}
          select={{ selected: value === null, onSelect: () => onChange(null) }}
        />
        {templates.filter((template) => template.kind === 'starter').map(card)}
      </Box>
      {saved.length > 0 && (
        <>
          <Typography variant="sigma" textColor="neutral600">
            {t('templates.gallery.saved', 'Your templates')}
          </Typography>
          <Box style={GRID}>{saved.map(card)}</Box>
        </>
      )}
    </Flex>
  );
};
