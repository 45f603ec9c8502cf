export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/locales/**', 'src/feed/adapters/**'],
  outdir: 'dist',
  litelement: true,
};
