import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'
import { shareAsyncChunks } from './h5-chunks'

// One source, two outputs: the repo root's dist/weapp is what WeChat DevTools opens through
// project.config.json, dist/h5 is what the local cloud serves.
const platform = process.env.TARO_ENV === 'h5' ? 'h5' : 'weapp'

// shared/ sits outside sourceRoot; Taro compiles only what it is told to besides src/.
const sharedDir = path.resolve(__dirname, '../../shared')

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'linquan',
    date: '2024-11-24',
    // NutUI is drawn at 375 wide, our own styles at 750: each file gets its own design width.
    designWidth(input?: unknown) {
      const file = (input as { file?: string } | undefined)?.file
      if (file?.replace(/\\+/g, '/').includes('@nutui')) return 375
      return 750
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `../dist/${platform}`,
    alias: {
      '@shared': path.resolve(__dirname, '../../shared'),
      '@': path.resolve(__dirname, '../src'),
    },
    // NutUI React Taro renders div/span markup: the mini-program needs Taro's HTML-tag support.
    plugins: ['@tarojs/plugin-html'],
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      compile: { include: [sharedDir] },
      // NutUI's per-component styles meet in different orders on different pages; they do not
      // overlap, so the order warning is noise.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: {
            namingPattern: 'module',
            generateScopedName: '[name]__[local]___[hash:base64:5]',
          },
        },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      esnextModules: ['nutui-react'],
      compile: { include: [sharedDir] },
      // Pages load lazily; what several of them use (NutUI, zod, shared/ …) goes in shared chunks.
      webpackChain(chain) {
        shareAsyncChunks(chain)
      },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: {
            namingPattern: 'module',
            generateScopedName: '[name]__[local]___[hash:base64:5]',
          },
        },
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
