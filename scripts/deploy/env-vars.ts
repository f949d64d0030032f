/**
 * Every environment variable a deployed function reads, with what it is. The names come from the
 * env readers (adapters/*\/*.config.ts, aes-gcm-secret-box.ts); deploy:check scans the code so a
 * name added there and not here fails the check. Values never live in the repo: cloudbaserc.json
 * carries `{{env.NAME}}`, which the CloudBase CLI fills from the operator's environment.
 */
export interface EnvVar {
  name: string
  /** What it is, for the README table. */
  what: string
  /** A secret: never printed, never committed, checked by the secret scan. */
  secret?: boolean
  /**
   * Optional variables the reader defaults when unset: the deploy writes this production default
   * instead of a placeholder, because an unset placeholder could arrive as an empty string, which
   * the readers take as a value (an empty base URL, an empty courier list).
   */
  deployDefault?: string
  /** Optional and safe when empty (the reader treats '' as unset). */
  mayBeEmpty?: boolean
  /**
   * A file, not a value: CloudBase allows 4 KB of environment variables per function (names and
   * values), and one PEM is 1.7 KB. The operator's variable holds the file's path on their
   * machine; deploy:stage copies the file into every staged function as `stagedAs`, and the
   * function's variable holds that relative path, which the reader resolves against the
   * function's folder. `whenEmpty`: what is staged for an optional one left empty.
   */
  file?: { stagedAs: string; whenEmpty?: string }
}

/**
 * Read by the code for local runs and tests, never deployed: a deploy carries these as the file
 * named by `deployedAs` (inline, the PEMs alone would pass CloudBase's 4 KB per function).
 */
export interface LocalOnlyEnvVar {
  name: string
  what: string
  deployedAs: string
}

export const ENV_VARS: EnvVar[] = [
  // PII sealing (adapters/crypto/aes-gcm-secret-box.ts): its own random key, never derived.
  {
    name: 'LINQUAN_SECRET_BOX_KEY',
    what: 'AES-256-GCM key sealing addresses and 进件 real-name data: 64 hex digits from `openssl rand -hex 32`',
    secret: true,
  },
  {
    name: 'LINQUAN_SECRET_BOX_OLD_KEYS',
    what: 'keys of earlier rotations, comma-separated, until `reseal` has moved every value (empty otherwise)',
    secret: true,
    mayBeEmpty: true,
  },
  // WeChat Pay 平台收付通 (adapters/payments/wechat-pay.config.ts).
  {
    name: 'WECHATPAY_BASE_URL',
    what: 'WeChat Pay API host',
    deployDefault: 'https://api.mch.weixin.qq.com',
  },
  { name: 'WECHATPAY_SP_MCHID', what: 'the platform’s service-provider merchant id (sp_mchid)' },
  {
    name: 'WECHATPAY_SP_APPID',
    what: 'the mini-program’s appid as the service provider’s (sp_appid)',
  },
  {
    name: 'WECHATPAY_MERCHANT_SERIAL_NO',
    what: 'serial number of the merchant API certificate, upper-case hex (商户平台 → API安全 → API证书, or `openssl x509 -in apiclient_cert.pem -noout -serial`)',
  },
  {
    name: 'WECHATPAY_MERCHANT_PRIVATE_KEY_FILE',
    what: 'path of the merchant API private key, `apiclient_key.pem` (the certificate is not needed: requests name it by its serial)',
    secret: true,
    file: { stagedAs: 'secrets/wechatpay-merchant-key.pem' },
  },
  {
    name: 'WECHATPAY_APIV3_KEY',
    what: 'APIv3 key: 32 bytes, decrypts notifications (AEAD_AES_256_GCM)',
    secret: true,
  },
  {
    name: 'WECHATPAY_PLATFORM_CERTIFICATES_FILE',
    what: 'path of a JSON file `[{ "serialNo", "pem" }]` of platform certificates known at start (empty: fetched from /v3/certificates)',
    mayBeEmpty: true,
    file: { stagedAs: 'secrets/wechatpay-platform-certificates.json', whenEmpty: '[]\n' },
  },
  {
    name: 'WECHATPAY_NOTIFY_URL_PAYMENT',
    what: 'payment notification URL: the pay-notify HTTP access path + `/payment`',
  },
  {
    name: 'WECHATPAY_NOTIFY_URL_REFUND',
    what: 'refund notification URL: the pay-notify HTTP access path + `/refund`',
  },
  {
    name: 'WECHATPAY_TIMEOUT_MS',
    what: 'timeout of one WeChat Pay request',
    deployDefault: '10000',
  },
  // kuaidi100 (adapters/courier/kuaidi100.config.ts).
  {
    name: 'KUAIDI100_POLL_BASE_URL',
    what: 'kuaidi100 host for 实时查询, 订阅 and 商家寄件',
    deployDefault: 'https://poll.kuaidi100.com',
  },
  {
    name: 'KUAIDI100_AUTONUMBER_BASE_URL',
    what: 'kuaidi100 host for 智能单号识别',
    deployDefault: 'https://www.kuaidi100.com',
  },
  { name: 'KUAIDI100_KEY', what: 'kuaidi100 授权 key', secret: true },
  { name: 'KUAIDI100_CUSTOMER', what: 'kuaidi100 customer (查询公司编号)' },
  { name: 'KUAIDI100_SECRET', what: 'kuaidi100 商家寄件 secret', secret: true },
  {
    name: 'KUAIDI100_SALT',
    what: 'our salt for kuaidi100 push signatures (8+ random characters)',
    secret: true,
  },
  {
    name: 'KUAIDI100_CALLBACK_URL',
    what: 'tracking push URL: the courier-notify HTTP access path',
  },
  {
    name: 'KUAIDI100_PICKUP_CALLBACK_URL',
    what: '商家寄件 status callback URL (defaults to the tracking push URL)',
    deployDefault: '{{env.KUAIDI100_CALLBACK_URL}}',
  },
  {
    name: 'KUAIDI100_QUOTE_COMPANIES',
    what: 'couriers asked for a freight quote, comma-separated',
    deployDefault: 'shunfeng,zhongtong,yuantong,yunda,jd,ems',
  },
  {
    name: 'KUAIDI100_TIMEOUT_MS',
    what: 'timeout of one kuaidi100 request',
    deployDefault: '10000',
  },
  // WeChat server API (adapters/wechat-api/wechat-api.config.ts).
  {
    name: 'WECHAT_API_BASE_URL',
    what: 'WeChat server API host',
    deployDefault: 'https://api.weixin.qq.com',
  },
  { name: 'WECHAT_APPID', what: 'the mini-program’s appid' },
  { name: 'WECHAT_SECRET', what: 'the mini-program’s AppSecret (access_token)', secret: true },
  {
    name: 'WECHAT_API_TIMEOUT_MS',
    what: 'timeout of one WeChat API request',
    deployDefault: '10000',
  },
  {
    name: 'WECHAT_API_TOKEN_ENDPOINT',
    what: '`stable_token` (shared by every instance) or `token`',
    deployDefault: 'stable_token',
  },
  {
    name: 'WECHAT_MINIPROGRAM_STATE',
    what: 'which version subscribe messages open: `formal`, `trial` or `developer`',
    deployDefault: 'formal',
  },
  {
    name: 'WECHAT_PUSH_TOKEN',
    what: '消息推送 Token as set in the mini-program admin (wechat-notify checks signatures with it)',
    secret: true,
  },
  {
    name: 'WECHAT_PUSH_ENCODING_AES_KEY',
    what: '消息推送 EncodingAESKey (43 characters) for 安全模式 (empty: plain mode)',
    secret: true,
    mayBeEmpty: true,
  },
  { name: 'WECHAT_TEMPLATE_ORDER_PAID', what: 'subscribe-message template id: 买家已付款' },
  { name: 'WECHAT_TEMPLATE_ORDER_SHIPPED', what: 'subscribe-message template id: 已发货' },
  { name: 'WECHAT_TEMPLATE_ORDER_DELIVERED', what: 'subscribe-message template id: 已签收' },
  { name: 'WECHAT_TEMPLATE_REFUND', what: 'subscribe-message template id: 退款' },
  {
    name: 'WECHAT_TEMPLATE_AUTO_RECEIVE_REMINDER',
    what: 'subscribe-message template id: 自动确认收货提醒',
  },
  { name: 'WECHAT_TEMPLATE_CHAT_MESSAGE', what: 'subscribe-message template id: 新消息' },
  { name: 'WECHAT_TEMPLATE_REVIEW_REMINDER', what: 'subscribe-message template id: 评价提醒' },
]

export const LOCAL_ONLY_ENV_VARS: LocalOnlyEnvVar[] = [
  {
    name: 'WECHATPAY_MERCHANT_PRIVATE_KEY',
    what: 'the merchant API private key inline, PEM (newlines may be written `\\n`)',
    deployedAs: 'WECHATPAY_MERCHANT_PRIVATE_KEY_FILE',
  },
  {
    name: 'WECHATPAY_PLATFORM_CERTIFICATES',
    what: 'the platform certificates inline, JSON `[{ "serialNo", "pem" }]`',
    deployedAs: 'WECHATPAY_PLATFORM_CERTIFICATES_FILE',
  },
]

/**
 * Set by CloudBase itself in every invocation (identity and client address from the WeChat
 * context): read by the code, never configured.
 */
export const PLATFORM_ENV_VARS = [
  'WX_OPENID',
  'WX_CLIENTIP',
  'WX_CLIENTIPV6',
  'WX_APPID',
  'WX_UNIONID',
  'TCB_ENV',
  'SCF_NAMESPACE',
]

/** The CloudBase environment the CLI deploys to (cloudbaserc.json `envId`; not a function variable). */
export const ENV_ID_VARIABLE = 'CLOUDBASE_ENV_ID'

/** The value cloudbaserc.json carries for a variable. */
export const deployValueOf = (v: EnvVar): string =>
  v.file?.stagedAs ?? v.deployDefault ?? `{{env.${v.name}}}`
