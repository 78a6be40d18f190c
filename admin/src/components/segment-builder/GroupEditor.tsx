import { Box, Button, Flex, IconButton, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import { isGroup, type Condition, type Match, type RuleGroup } from '../../../../shared/contracts/segments';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { newCondition } from './catalog';
import { ConditionRow } from './ConditionRow';

interface Props {
  group: RuleGroup;
  onChange: (next: RuleGroup) => void;
  onRemove?: () => void;
  depth?: number;
}

/** Nested AND/OR groups, as the server's rule tree: the editor changes the tree, never strings of SQL. */
export const GroupEditor = ({ group, onChange, onRemove, depth = 0 }: Props) => {
  const t = usePluginMessages();
  const replace = (index: number, rule: Condition | RuleGroup) =>
    onChange({ ...group, rules: group.rules.map((r, i) => (i === index ? rule : r)) });
  const remove = (index: number) => onChange({ ...group, rules: group.rules.filter((_, i) => i !== index) });

  return (
    <Box padding={depth ? 3 : 0} background={depth ? 'neutral100' : undefined} hasRadius borderColor={depth ? 'neutral200' : undefined}>
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Flex gap={2} alignItems="center">
          <Typography>{t('segmentBuilder.group.before', 'Contacts matching')}</Typography>
          <SingleSelect
            aria-label={depth ? t('segmentBuilder.group.matchNested', 'Group match') : t('segmentBuilder.group.match', 'Match')}
            value={group.match}
            onChange={(m: string | number) => onChange({ ...group, match: m as Match })}
          >
            <SingleSelectOption value="all">{t('segmentBuilder.group.all', 'all of')}</SingleSelectOption>
            <SingleSelectOption value="any">{t('segmentBuilder.group.any', 'any of')}</SingleSelectOption>
          </SingleSelect>
          <Typography>{t('segmentBuilder.group.after', 'these conditions')}</Typography>
          {onRemove && (
            <IconButton label={t('segmentBuilder.group.remove', 'Remove group')} variant="ghost" onClick={onRemove}>
              <Trash />
            </IconButton>
          )}
        </Flex>
        {group.rules.map((rule, index) =>
          isGroup(rule) ? (
            <GroupEditor
              key={index}
              group={rule}
              depth={depth + 1}
              onChange={(next) => replace(index, next)}
              onRemove={() => remove(index)}
            />
          ) : (
            <ConditionRow key={index} condition={rule} onChange={(next) => replace(index, next)} onRemove={() => remove(index)} />
          )
        )}
        <Flex gap={2}>
          <Button variant="secondary" startIcon={<Plus />} onClick={() => onChange({ ...group, rules: [...group.rules, newCondition()] })}>
            {t('segmentBuilder.addCondition', 'Add condition')}
          </Button>
          {depth < 5 && (
            <Button
              variant="tertiary"
              startIcon={<Plus />}
              onClick={() => onChange({ ...group, rules: [...group.rules, { match: 'any', rules: [newCondition()] }] })}
            >
              {t('segmentBuilder.addGroup', 'Add group')}
            </Button>
          )}
        </Flex>
      </Flex>
    </Box>
  );
};
