import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Keep WXT on 0.20.x: 0.21 needs Node 22 and our machines run Node 20.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: {
    name: 'Alongside',
    description:
      'Suggests relational, person-in-context wording as you write clinical letters and notes. Your text never leaves the browser.',
    permissions: ['storage'],
  },
});
