import type { UserConfigExport } from '@tarojs/cli'

// `npm run dev:h5` serves the app from Taro's dev server; the gateway, auth and files live in the
// local cloud, so those paths are proxied to it (LINQUAN_CLOUD_URL, default the local cloud's port).
const cloud = process.env.LINQUAN_CLOUD_URL ?? 'http://127.0.0.1:8787'

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    devServer: {
      host: '127.0.0.1',
      proxy: [{ context: ['/fn', '/auth', '/files'], target: cloud, changeOrigin: true }],
    },
  },
} satisfies UserConfigExport<'webpack5'>
