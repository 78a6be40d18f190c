import { pluginMessage, type PluginMessage } from '../../../hooks/use-plugin-messages';
import type { Unrepresentable } from './representable';

/** What in the document keeps it out of the builder, in the editor's words. */
export const unrepresentableMessage = (reason: Unrepresentable): PluginMessage => {
  switch (reason.kind) {
    case 'liquid-outside-text':
      return pluginMessage('campaignEditor.builder.reason.liquidOutsideText', 'the Liquid {code} stands between elements', {
        code: reason.code,
      });
    case 'liquid-in-tag':
      return pluginMessage('campaignEditor.builder.reason.liquidInTag', "the Liquid {code} stands among an element's attributes", {
        code: reason.code,
      });
    case 'unsupported-element':
      return pluginMessage('campaignEditor.builder.reason.unsupportedElement', 'the builder has no block for {tag}', {
        tag: `<${reason.tag}>`,
      });
    case 'head-part':
      return pluginMessage('campaignEditor.builder.reason.headPart', 'the builder would drop {tag} from mj-head', {
        tag: `<${reason.tag}>`,
      });
    case 'escaped-characters':
      return pluginMessage(
        'campaignEditor.builder.reason.escapedCharacters',
        'the builder would write the characters {characters} in {code} as entities',
        {
          characters: '< > &',
          code: reason.code,
        }
      );
    case 'not-mjml':
      return pluginMessage('campaignEditor.builder.reason.notMjml', 'it is not an MJML document (no {root} root)', { root: '<mjml>' });
    case 'round-trip':
      return pluginMessage('campaignEditor.builder.reason.roundTrip', 'the builder would change {detail}', { detail: reason.detail });
  }
};
