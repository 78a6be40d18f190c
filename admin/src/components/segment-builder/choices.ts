import { createContext, useContext } from 'react';
import { isGroup, type RuleChoices, type RuleGroup } from '../../../../shared/contracts/segments';

/** Topics and campaigns for the pickers, loaded once per builder rather than once per condition row. */
export const ChoicesContext = createContext<RuleChoices>({ topics: [], campaigns: [] });

export const useChoices = () => useContext(ChoicesContext);

/** The campaigns a rule tree names, so the pickers can label them even when they are old. */
export const campaignsNamedIn = (group: RuleGroup): string[] =>
  group.rules.flatMap((rule) =>
    isGroup(rule) ? campaignsNamedIn(rule) : rule.field === 'engagement' && rule.campaign && rule.campaign !== 'any' ? [rule.campaign] : []
  );
