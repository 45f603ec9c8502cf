import type { StorybookConfig } from '@storybook/web-components-vite';

const LIT_PACKAGES = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', '@lit/context'];

/**
 * Storybook for the civic widgets: Web Components on Vite. Storybook 10 carries controls, actions,
 * backgrounds, viewport and toolbars itself, so no addons are listed.
 */
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    return {
      ...viteConfig,
      // Storybook's renderer imports lit-html straight from node_modules; pre-bundling lit for the
      // stories would give the dev server a second copy ("Multiple versions of Lit loaded").
      optimizeDeps: {
        ...viteConfig.optimizeDeps,
        exclude: [...(viteConfig.optimizeDeps?.exclude ?? []), ...LIT_PACKAGES],
      },
      // The elements use TypeScript's legacy decorators with `[[Set]]` class fields (tsconfig.json).
      // Vite's esbuild reads those from tsconfig.json already; saying so here keeps the stories
      // rendering even if a folder ever gets a tsconfig of its own. Without them, `@property`
      // fields shadow Lit's accessors and the widgets never update.
      esbuild: {
        ...(typeof viteConfig.esbuild === 'object' ? viteConfig.esbuild : {}),
        tsconfigRaw: {
          compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false },
        },
      },
    };
  },
};

export default config;
