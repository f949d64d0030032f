export { api, setBannedListener, setUnauthenticatedListener } from './api'
export type { ListingLifecycleAction } from './api'
export { createClient, validationError } from './client'
export { ServiceError, isServiceError, isAuthError, ClientErrorCodes } from './service-error'
export type { UploadedFile, UploadDir, ProgressListener, Transport } from './transport'
export { uploadPhoto, uploadVideo } from './upload'
export { payOrder } from './pay'
export { askMessages, devInboxUrl, messageTemplates } from './subscribe'
export type { PayOutcome } from './pay'
export { DEMO_LOGIN, listDemoUsers, startDemoSession, hasIdentity, endSession } from './auth'
export type { DemoUser } from './auth'
export {
  applyShareMenu,
  groupEnterCloudId,
  playCardShared,
  sandboxGroupEnter,
  sandboxGroups,
  SHARES_BY_LINK,
} from './share-platform'
export type { SandboxGroup } from './share-platform'
