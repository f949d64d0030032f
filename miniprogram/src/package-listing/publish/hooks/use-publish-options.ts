import { useEffect, useState } from 'react'
import type { Community } from '@shared/contracts/social.contract'
import type { CommissionPolicy } from '@shared/domain/commission'
import { api } from '@/services'
import { useSession } from '@/hooks/use-session'
import { goLogin } from '@/utils/feedback'

/**
 * What the form offers around the listing: the seller's communities, the commission in force (for
 * the line under the price; null leaves it out) and whether buyers can pay the seller yet.
 */
export const usePublishOptions = () => {
  const { status } = useSession()
  const [communities, setCommunities] = useState<Community[] | null>(null)
  const [commission, setCommission] = useState<CommissionPolicy | null>(null)
  // Buyers can only pay a seller whose 开通收款 is done: say so before the listing goes up.
  const [canBePaid, setCanBePaid] = useState(true)

  useEffect(() => {
    if (status === 'signed-out') goLogin()
    if (status !== 'signed-in') return
    api.social
      .myCommunities()
      .then((r) => setCommunities(r.items))
      .catch(() => setCommunities([]))
    api.merchant.status().then(
      (m) => setCanBePaid(m.state === 'finish'),
      () => setCanBePaid(true),
    )
  }, [status])
  useEffect(() => {
    api.order
      .terms()
      .then((t) => setCommission(t.commission))
      .catch(() => setCommission(null))
  }, [])

  return { communities, commission, canBePaid }
}
