import type { SourceFile } from './env-references'

/**
 * Throwaway keys that exist to be public: the vendor sandboxes sign with them and the adapter
 * tests verify against them. Allowed by exact path, each for a reason; anything else is a leak.
 */
export const SECRET_ALLOWLIST: Record<string, string> = {
  'cloudfunctions/local/sandboxes/wechat-pay/fixtures/merchant_key.pem':
    'WeChat Pay sandbox: merchant test key',
  'cloudfunctions/local/sandboxes/wechat-pay/fixtures/platform_key.pem':
    'WeChat Pay sandbox: platform test key',
  'cloudfunctions/local/sandboxes/wechat-pay/fixtures/wrong_key.pem':
    'WeChat Pay sandbox: a key nobody trusts (forgery tests)',
  'cloudfunctions/local/sandboxes/wechat-pay/keys.ts': 'WeChat Pay sandbox: its APIv3 key',
  'cloudfunctions/src/adapters/payments/__tests__/fixtures/merchant.key.pem':
    'adapter tests: merchant test key',
  'cloudfunctions/src/adapters/payments/__tests__/fixtures/platform.key.pem':
    'adapter tests: platform test key',
  'cloudfunctions/src/adapters/payments/__tests__/fixtures/platform-rotated.key.pem':
    'adapter tests: rotated platform key',
  'cloudfunctions/src/adapters/payments/__tests__/fixtures/rogue.key.pem':
    'adapter tests: a rogue key',
  'cloudfunctions/src/adapters/payments/__tests__/fake-wechat-pay.ts':
    'adapter tests: their APIv3 key',
}

export interface SecretFinding {
  path: string
  line: number
  kind: string
}

const PATTERNS: { kind: string; re: RegExp }[] = [
  { kind: 'private key (PEM)', re: /-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----/ },
  // An APIv3 key is exactly 32 characters, assigned to something named for it.
  { kind: 'WeChat Pay APIv3 key', re: /api_?v3_?key['"]?\s*[:=]\s*['"`][^'"`\s]{32}['"`]/i },
  // Tencent Cloud API credentials: SecretId starts AKID; a SecretKey is 32 characters.
  { kind: 'Tencent Cloud SecretId', re: /\bAKID[0-9A-Za-z]{32}\b/ },
  { kind: 'Tencent Cloud SecretKey', re: /secret_?key['"]?\s*[:=]\s*['"`][0-9A-Za-z]{32}['"`]/i },
  { kind: 'Tencent Cloud SecretId', re: /secret_?id['"]?\s*[:=]\s*['"`][0-9A-Za-z]{36}['"`]/i },
]

/** Files an operator's secrets go in, which must never be tracked (secrets/: deploy:stage's copies). */
const SECRET_FILES =
  /(^|\/)\.env(\.[\w-]+)?$|(^|\/)\.data\/|(^|\/)apiclient_key\.pem$|(^|\/)secrets\//

/** Secrets in tracked files outside the allowlist. */
export const scanForSecrets = (
  files: SourceFile[],
  allowlist: Record<string, string> = SECRET_ALLOWLIST,
): SecretFinding[] => {
  const findings: SecretFinding[] = []
  for (const { path, text } of files) {
    if (Object.hasOwn(allowlist, path)) continue
    if (SECRET_FILES.test(path) && !path.endsWith('.example'))
      findings.push({ path, line: 1, kind: 'a secrets file' })
    const lines = text.split('\n')
    lines.forEach((line, i) => {
      for (const { kind, re } of PATTERNS)
        if (re.test(line)) findings.push({ path, line: i + 1, kind })
    })
  }
  return findings
}
