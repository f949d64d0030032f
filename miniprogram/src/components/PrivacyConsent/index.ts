// Taro picks privacy-consent.weapp.tsx or privacy-consent.h5.tsx for each build.
export { PrivacyConsent } from './privacy-consent'
