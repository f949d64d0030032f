/**
 * payments: money through WeChat Pay (ports/payment-gateway.port): applying payments, settling
 * refunds, releases and 先行赔付 (outbox jobs), and reconciliation with WeChat's books.
 */
export { closePayment } from './application/apply-payment.use-case'
export { SETTLEMENT_HANDLERS } from './application/settle-money'
