import { Button, Flex } from '@strapi/design-system';
import type { Viewport } from './PreviewFrame';

const LABELS: Record<Viewport, string> = { desktop: 'Desktop', mobile: 'Mobile' };

/** Two pressed/unpressed buttons: the width the preview is shown at. */
export const ViewportToggle = ({ value, onChange }: { value: Viewport; onChange: (next: Viewport) => void }) => (
  <Flex gap={1} role="group" aria-label="Preview width">
    {(Object.keys(LABELS) as Viewport[]).map((viewport) => (
      <Button
        key={viewport}
        size="S"
        variant={value === viewport ? 'secondary' : 'tertiary'}
        aria-pressed={value === viewport}
        onClick={() => onChange(viewport)}
      >
        {LABELS[viewport]}
      </Button>
    ))}
  </Flex>
);
