import { ClientErrorCodes, ServiceError } from './service-error'

// In WeChat the identity is the cloud context's OPENID: there is nothing to pick or store.

export interface DemoUser {
  openid: string
  nickname: string
  avatarUrl?: string | null
  city?: string | null
}

export const DEMO_LOGIN = false

export const listDemoUsers = async (): Promise<DemoUser[]> => []

export const startDemoSession = async (_openid: string): Promise<void> => {
  throw new ServiceError(ClientErrorCodes.UNSUPPORTED, '小程序内使用微信身份登录')
}

export const hasIdentity = () => true

export const endSession = () => undefined
