/** fund: the guarantee fund (先行赔付) — claims on sellers, collected from their next releases. */
export {
  recordClaimOpened,
  refuseWithOpenClaim,
  reserveClaimDeduction,
  sellerClaim,
  settleClaimDeduction,
  type SellerClaimView,
} from './application/seller-claims'
export { guaranteeFund, type GuaranteeFundView } from './application/guarantee-fund'
