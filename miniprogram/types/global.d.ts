/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.jpg'
declare module '*.css'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5'
    /** CloudBase environment id for the weapp build; the current env when unset. */
    TARO_APP_CLOUD_ENV?: string
  }
}

// The native price tag (src/native/price-tag) used from React in the weapp build.
declare namespace JSX {
  interface IntrinsicElements {
    'price-tag': {
      fen: number
      original?: number
      size?: 'large' | 'small'
      unit?: string
      className?: string
    }
  }
}
