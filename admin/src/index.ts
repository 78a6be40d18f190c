import { Mail } from '@strapi/icons';
import { SendAsEmailAction } from './components/content-blocks/SendAsEmailAction';
import { PERMISSIONS } from './permissions';
import { PLUGIN_ID } from './pluginId';

type TranslationModule = { default: Record<string, string> };
type DocumentAction = typeof SendAsEmailAction;
/** The part of the Content Manager's plugin API used here (its `apis`, Strapi 5). */
type ContentManager = { apis: { addDocumentAction: (add: (actions: DocumentAction[]) => DocumentAction[]) => void } };

export default {
  register(app: { addMenuLink: (link: unknown) => void; registerPlugin: (plugin: { id: string; name: string }) => void }) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Mail,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'Campaigns' },
      permissions: PERMISSIONS.read,
      Component: async () => {
        // Not destructured: once the pages' chunk also exports modules a lazy chunk shares, the SDK build
        // reads App off it (`import(…).then((n) => n.A)`), and the host's Vite rewrites a destructured
        // `const { App } = await import(…)` to pick `App` before that step, which then finds nothing.
        const pages = await import('./pages/App');
        return pages.App;
      },
    });
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  bootstrap(app: { getPlugin: (id: string) => unknown }) {
    // Absent when an app runs without the Content Manager: then there is no edit view to extend.
    const contentManager = app.getPlugin('content-manager') as ContentManager | undefined;
    contentManager?.apis.addDocumentAction((actions) => [...actions, SendAsEmailAction]);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = (await import(`./translations/${locale}.json`)) as TranslationModule;
          return { data: Object.fromEntries(Object.entries(data).map(([k, v]) => [`${PLUGIN_ID}.${k}`, v])), locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
  },
};
