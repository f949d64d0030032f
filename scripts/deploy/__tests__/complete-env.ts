import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ENV_VARS } from '../env-vars'

/** A fresh merchant key in a file of its own, as an operator keeps apiclient_key.pem. */
export const merchantKeyFile = (): { path: string; pem: string } => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
  const path = join(mkdtempSync(join(tmpdir(), 'linquan-operator-')), 'apiclient_key.pem')
  writeFileSync(path, pem, { mode: 0o600 })
  return { path, pem }
}

/** An operator's environment with every required variable, shaped as the readers want. */
export const completeEnv = (): Record<string, string> => {
  const env: Record<string, string> = {
    CLOUDBASE_ENV_ID: 'linquan-prod-1a2b3c',
    LINQUAN_SECRET_BOX_KEY: randomBytes(32).toString('hex'),
    WECHATPAY_SP_MCHID: '1900000109',
    WECHATPAY_SP_APPID: 'wx0000000000000001',
    WECHATPAY_MERCHANT_SERIAL_NO: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
    WECHATPAY_MERCHANT_PRIVATE_KEY_FILE: merchantKeyFile().path,
    WECHATPAY_APIV3_KEY: randomBytes(16).toString('hex'),
    WECHATPAY_NOTIFY_URL_PAYMENT: 'https://env.service.tcloudbase.com/pay-notify/payment',
    WECHATPAY_NOTIFY_URL_REFUND: 'https://env.service.tcloudbase.com/pay-notify/refund',
    KUAIDI100_KEY: 'k100-key',
    KUAIDI100_CUSTOMER: 'k100-customer',
    KUAIDI100_SECRET: 'k100-secret',
    KUAIDI100_SALT: randomBytes(8).toString('hex'),
    KUAIDI100_CALLBACK_URL: 'https://env.service.tcloudbase.com/courier-notify',
    WECHAT_APPID: 'wx0000000000000001',
    WECHAT_SECRET: randomBytes(16).toString('hex'),
    WECHAT_PUSH_TOKEN: 'pushtoken123',
    // Optional ones are exported empty.
    LINQUAN_SECRET_BOX_OLD_KEYS: '',
    WECHAT_PUSH_ENCODING_AES_KEY: '',
  }
  for (const v of ENV_VARS)
    if (v.name.startsWith('WECHAT_TEMPLATE_')) env[v.name] = `tmpl-${v.name.toLowerCase()}`
  return env
}
