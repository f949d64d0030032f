/**
 * The browser has no WeChat privacy check: the browser asks for location itself, and the file
 * input and clipboard need no consent. Nothing to render (see privacy-consent.weapp.tsx).
 */
export function PrivacyConsent() {
  return null
}
