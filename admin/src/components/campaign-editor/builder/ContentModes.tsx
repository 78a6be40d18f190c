import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { Box, Button, Flex, Loader, Typography } from '@strapi/design-system';
import { usePluginMessages } from '../../../hooks/use-plugin-messages';
import { unrepresentableParts, type Unrepresentable } from './representable';
import { unrepresentableMessage } from './unrepresentable-message';
import type { VisualBuilderHandle } from './VisualBuilder';

// GrapesJS and mjml-browser weigh about 2 MB: only a campaign opened in the builder loads them.
const VisualBuilder = lazy(() => import('./VisualBuilder'));

type Mode = 'visual' | 'code';

/** The mode the editor chose last, in this browser; code until they choose (what the plugin always showed). */
const MODE_KEY = 'strapi-plugin-campaigns:editor-mode';
const DEFAULT_MODE: Mode = 'code';

const preferredMode = (): Mode => {
  try {
    const stored = window.localStorage.getItem(MODE_KEY);
    return stored === 'visual' || stored === 'code' ? stored : DEFAULT_MODE;
  } catch {
    return DEFAULT_MODE;
  }
};

const rememberMode = (mode: Mode) => {
  try {
    window.localStorage.setItem(MODE_KEY, mode);
  } catch {
    // Storage refused (private mode, quota): the choice holds for this page only.
  }
};

interface Props {
  content: string;
  onChange: (mjml: string) => void;
  disabled?: boolean;
  onBuilderShown?: (shown: boolean) => void;
  /** The code editor, shown in code mode. */
  children: ReactNode;
}

/**
 * The switch between the visual builder and the code: both edit the same MJML (the form's), so
 * either shows what the other wrote. A document the builder cannot represent opens in code, with a
 * note saying why; a campaign that cannot be edited shows its code, read-only.
 */
export const ContentModes = ({ content, onChange, disabled, onBuilderShown, children }: Props) => {
  const t = usePluginMessages();
  // The note shows when the editor wanted the builder (the mode they chose last, or a click on Visual).
  const [blocked, setBlocked] = useState<Unrepresentable | null>(() =>
    preferredMode() === 'visual' ? (unrepresentableParts(content)[0] ?? null) : null
  );
  const [mode, setMode] = useState<Mode>(() => (disabled || blocked ? 'code' : preferredMode()));
  const builder = useRef<VisualBuilderHandle>(null);
  const visual = mode === 'visual' && !disabled;
  useEffect(() => onBuilderShown?.(visual), [visual, onBuilderShown]);

  const toVisual = () => {
    const [reason] = unrepresentableParts(content);
    setBlocked(reason ?? null);
    rememberMode('visual');
    if (!reason) setMode('visual');
  };
  const toCode = async () => {
    await builder.current?.flush();
    rememberMode('code');
    setMode('code');
  };
  const leaveBuilder = (reason: Unrepresentable) => {
    setBlocked(reason);
    setMode('code');
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      {!disabled && (
        <Flex gap={1} role="group" aria-label={t('campaignEditor.mode.label', 'Editing mode')}>
          <Button size="S" variant={visual ? 'secondary' : 'tertiary'} aria-pressed={visual} onClick={toVisual}>
            {t('campaignEditor.mode.visual', 'Visual')}
          </Button>
          <Button size="S" variant={visual ? 'tertiary' : 'secondary'} aria-pressed={!visual} onClick={() => void toCode()}>
            {t('campaignEditor.mode.code', 'Code')}
          </Button>
        </Flex>
      )}
      {!visual && blocked && !disabled && (
        <Box role="note" padding={3} hasRadius background="warning100" borderColor="warning200">
          <Typography textColor="warning700">
            {t(
              'campaignEditor.mode.codeOnly',
              'This MJML stays in code mode: {reason}. Edit it here, or remove that part to use the visual builder.',
              {
                reason: t(unrepresentableMessage(blocked)),
              }
            )}
          </Typography>
        </Box>
      )}
      {visual ? (
        <Suspense fallback={<Loader small>{t('campaignEditor.builder.loading', 'Loading the visual builder…')}</Loader>}>
          <VisualBuilder ref={builder} value={content} onChange={onChange} onUnrepresentable={leaveBuilder} />
        </Suspense>
      ) : (
        children
      )}
    </Flex>
  );
};
