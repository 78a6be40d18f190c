import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { Box, Button, Flex, Loader, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import type { Editor } from 'grapesjs';
import grapesDe from 'grapesjs/locale/de.mjs';
import grapesFr from 'grapesjs/locale/fr.mjs';
import { useIntl } from 'react-intl';
import { useNotification } from '@strapi/strapi/admin';
import { usePluginMessages } from '../../../hooks/use-plugin-messages';
import { BUILDER_CLASS, installBuilderStyle } from './builder-style';
import { createEditor, DEVICES, type BlockId, type DeviceId } from './create-editor';
import { exportMjml, insertIntoText } from './editor-bridge';
import { MergeTagMenu } from './MergeTagMenu';
import { EMPTY_DOCUMENT, expandSelfClosing, formatMjml } from './mjml-source';
import { roundTripLoss, type Unrepresentable } from './representable';
import { ENTRIES_TAG } from '../../../../../shared/contracts/content-blocks';

const GRAPES_MESSAGES: Record<string, Record<string, unknown>> = { fr: grapesFr, de: grapesDe };

export interface VisualBuilderProps {
  /** The MJML the builder opens with; later changes come from the builder itself. */
  value: string;
  onChange: (mjml: string) => void;
  /** The builder's export of `value` lost something: the caller goes back to code. */
  onUnrepresentable: (reason: Unrepresentable) => void;
}

export interface VisualBuilderHandle {
  /** Hands the text being typed to onChange now (before the builder closes). */
  flush: () => Promise<void>;
}

const SHORTCUT_HINT = { undo: 'Ctrl+Z', redo: 'Ctrl+Shift+Z' };

/**
 * The drag-and-drop MJML editor (GrapesJS with grapesjs-mjml): blocks on the left, the canvas at
 * the chosen width, the selected element's settings below; what it writes goes to the campaign's
 * form as MJML, formatted one element a line.
 */
const VisualBuilder = forwardRef<VisualBuilderHandle, VisualBuilderProps>(({ value, onChange, onUnrepresentable }, ref) => {
  const t = usePluginMessages();
  const { locale } = useIntl();
  const { toggleNotification } = useNotification();
  const [editor, setEditor] = useState<Editor | null>(null);
  const [history, setHistory] = useState({ undo: false, redo: false });
  const [device, setDevice] = useState<DeviceId>('desktop');
  const canvas = useRef<HTMLDivElement>(null);
  const blocks = useRef<HTMLDivElement>(null);
  const traits = useRef<HTMLDivElement>(null);
  const styles = useRef<HTMLDivElement>(null);
  // The editor is made once per mount: these carry the values of the render that made it, and the latest callbacks.
  const opening = useRef({ value, locale, t });
  const callbacks = useRef({ onChange, onUnrepresentable });
  callbacks.current = { onChange, onUnrepresentable };
  const emit = useRef<() => Promise<void>>(async () => {});

  useImperativeHandle(ref, () => ({ flush: () => emit.current() }), []);

  useEffect(() => {
    const { value: source, locale: language, t: translate } = opening.current;
    installBuilderStyle();
    const blockLabels: Record<BlockId, string> = {
      'mj-1-column': translate('campaignEditor.builder.block.section1', 'Section, 1 column'),
      'mj-2-columns': translate('campaignEditor.builder.block.section2', 'Section, 2 columns'),
      'mj-3-columns': translate('campaignEditor.builder.block.section3', 'Section, 3 columns'),
      'mj-column': translate('campaignEditor.builder.block.column', 'Column'),
      'mj-text': translate('campaignEditor.builder.block.text', 'Text'),
      'mj-image': translate('campaignEditor.builder.block.image', 'Image'),
      'mj-button': translate('campaignEditor.builder.block.button', 'Button'),
      'mj-divider': translate('campaignEditor.builder.block.divider', 'Divider'),
      'mj-spacer': translate('campaignEditor.builder.block.spacer', 'Spacer'),
      'mj-social-group': translate('campaignEditor.builder.block.social', 'Social links'),
      'mj-raw': translate('campaignEditor.builder.block.raw', 'Raw HTML'),
      [ENTRIES_TAG]: translate('campaignEditor.builder.block.entries', 'Site entries'),
    };
    const grapesLocale = language.split('-')[0];
    const instance = createEditor({
      container: canvas.current!,
      blocks: blocks.current!,
      traits: traits.current!,
      styles: styles.current!,
      mjml: expandSelfClosing(source.trim() ? source : EMPTY_DOCUMENT),
      texts: {
        blocks: blockLabels,
        entries: {
          label: blockLabels[ENTRIES_TAG],
          describe: (attributes) =>
            attributes.latest
              ? translate('campaignEditor.builder.entries.latest', '{type}: the latest {count}', {
                  type: attributes.type ?? '',
                  count: attributes.latest,
                })
              : translate('campaignEditor.builder.entries.chosen', '{type}: {count} chosen entries', {
                  type: attributes.type ?? '',
                  count: (attributes.entries ?? '').split(',').filter(Boolean).length,
                }),
        },
      },
      i18n: GRAPES_MESSAGES[grapesLocale]
        ? { locale: grapesLocale, messages: GRAPES_MESSAGES[grapesLocale] }
        : { locale: 'en', messages: {} },
    });
    let last: string | null = null;
    let closed = false;
    emit.current = async () => {
      if (last === null || closed) return;
      const next = await exportMjml(instance);
      if (next === last) return;
      last = next;
      callbacks.current.onChange(formatMjml(next));
    };
    const showHistory = () => setHistory({ undo: instance.UndoManager.hasUndo(), redo: instance.UndoManager.hasRedo() });
    instance.on('load', async () => {
      // Loading the document is not an edit: nothing to undo, and the form is not changed.
      instance.UndoManager.clear();
      last = await exportMjml(instance);
      const loss = source.trim() ? roundTripLoss(source, last) : null;
      if (loss) {
        callbacks.current.onUnrepresentable(loss);
        return;
      }
      instance.on('update', () => {
        showHistory();
        void emit.current();
      });
      // Typed text, key by key: the page's Save button must not miss the last word.
      instance.on('component:input', () => void emit.current());
      setEditor(instance);
    });
    return () => {
      closed = true;
      instance.destroy();
    };
  }, []);

  const insertMergeTag = (liquid: string) => {
    if (!editor) return;
    if (insertIntoText(editor, liquid)) {
      void emit.current();
    } else {
      toggleNotification({
        type: 'info',
        message: t('campaignEditor.builder.mergeTag.noText', 'Select a text in the canvas first, then insert the variable.'),
      });
    }
  };
  const switchDevice = (next: DeviceId) => {
    editor?.setDevice(DEVICES[next].id);
    setDevice(next);
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={2} className={BUILDER_CLASS}>
      <Flex gap={2} wrap="wrap" role="toolbar" aria-label={t('campaignEditor.builder.tools', 'Builder tools')}>
        <Button
          size="S"
          variant="tertiary"
          startIcon={<ArrowClockwise style={{ transform: 'scaleX(-1)' }} />}
          disabled={!history.undo}
          onClick={() => editor?.UndoManager.undo()}
          title={SHORTCUT_HINT.undo}
        >
          {t('campaignEditor.builder.undo', 'Undo')}
        </Button>
        <Button
          size="S"
          variant="tertiary"
          startIcon={<ArrowClockwise />}
          disabled={!history.redo}
          onClick={() => editor?.UndoManager.redo()}
          title={SHORTCUT_HINT.redo}
        >
          {t('campaignEditor.builder.redo', 'Redo')}
        </Button>
        <Flex gap={1} role="group" aria-label={t('campaignEditor.builder.width', 'Canvas width')}>
          {(Object.keys(DEVICES) as DeviceId[]).map((id) => (
            <Button
              key={id}
              size="S"
              variant={device === id ? 'secondary' : 'tertiary'}
              aria-pressed={device === id}
              onClick={() => switchDevice(id)}
            >
              {id === 'desktop' ? t('campaignEditor.viewport.desktop', 'Desktop') : t('campaignEditor.viewport.mobile', 'Mobile')}
            </Button>
          ))}
        </Flex>
        <MergeTagMenu onInsert={insertMergeTag} disabled={!editor} />
      </Flex>
      <Flex alignItems="stretch" gap={2} style={{ height: '64rem' }}>
        <Box
          ref={blocks}
          role="region"
          aria-label={t('campaignEditor.builder.blocks', 'Blocks')}
          width="22rem"
          shrink={0}
          overflow="auto"
          hasRadius
          borderColor="neutral200"
          background="neutral0"
        />
        <Box position="relative" flex="1" minWidth={0} hasRadius borderColor="neutral200" overflow="hidden">
          <div ref={canvas} role="region" aria-label={t('campaignEditor.builder.canvas', 'Email canvas')} style={{ height: '100%' }} />
          {!editor && (
            <Flex position="absolute" top={0} left={0} right={0} bottom={0} justifyContent="center" background="neutral0">
              <Loader small>{t('campaignEditor.builder.loading', 'Loading the visual builder…')}</Loader>
            </Flex>
          )}
        </Box>
      </Flex>
      <Box
        role="region"
        aria-label={t('campaignEditor.builder.settings', 'Selected element')}
        hasRadius
        borderColor="neutral200"
        background="neutral0"
        padding={2}
      >
        <Typography variant="sigma" textColor="neutral600">
          {t('campaignEditor.builder.settings', 'Selected element')}
        </Typography>
        <div ref={traits} />
        <div ref={styles} />
      </Box>
    </Flex>
  );
});

VisualBuilder.displayName = 'VisualBuilder';

export default VisualBuilder;
