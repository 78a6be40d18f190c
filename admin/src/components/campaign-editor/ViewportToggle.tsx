import { Button, Flex } from '@strapi/design-system';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import type { Viewport } from './PreviewFrame';

const VIEWPORTS: Viewport[] = ['desktop', 'mobile'];

/** Two pressed/unpressed buttons: the width the preview is shown at. */
export const ViewportToggle = ({ value, onChange }: { value: Viewport; onChange: (next: Viewport) => void }) => {
  const t = usePluginMessages();
  const labels: Record<Viewport, string> = {
    desktop: t('campaignEditor.viewport.desktop', 'Desktop'),
    mobile: t('campaignEditor.viewport.mobile', 'Mobile'),
  };
  return (
    <Flex gap={1} role="group" aria-label={t('campaignEditor.viewport.label', 'Preview width')}>
      {VIEWPORTS.map((viewport) => (
        <Button
          key={viewport}
          size="S"
          variant={value === viewport ? 'secondary' : 'tertiary'}
          aria-pressed={value === viewport}
          onClick={() => onChange(viewport)}
        >
          {labels[viewport]}
        </Button>
      ))}
    </Flex>
  );
};
