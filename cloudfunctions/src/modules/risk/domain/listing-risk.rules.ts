import { DAY, HOUR } from '@shared/domain/time'

/**
 * The listing-risk rules' numbers, in one place (modules/risk listing-risk). Each is a judgement
 * about when a listing is worth a moderator's look; none refuses a listing.
 */
export const LISTING_RISK = {
  price: {
    /**
     * A price under this share of the typical used price of the brand's item (brand-prices.ts)
     * is improbable for the real thing: a possible counterfeit, flagged `warn` for triage.
     */
    warnRatio: 0.25,
    /** Under this share it is very likely a fake (¥99 AirPods, a ¥300 LV bag): flagged `review`. */
    reviewRatio: 0.1,
  },
  photo: {
    /**
     * dHash bits two photos may differ by and still be taken for the same picture. A resized or
     * recompressed copy of one photo lands 0–2 bits away in our tests; two different photos ~32
     * bits away on average. 3 is what 4 bands of 16 bits find without a full scan (pigeonhole: at
     * distance ≤ 3 at least one of the 4 bands is identical).
     */
    maxDistance: 3,
    /** 64 bits in this many bands of 64 / bands bits; a band match makes a candidate. */
    bands: 4,
    /**
     * A hash with fewer set bits than this, or more than 64 minus it, comes from a flat or nearly
     * flat picture (a blank, a solid colour, a 1×1 placeholder): many different images share it,
     * so it says nothing about reuse and is neither stored nor compared.
     */
    minInformativeBits: 8,
    /** Candidates read per band: a popular band value (a white backdrop) cannot turn into a scan. */
    candidatesPerBand: 100,
  },
  newAccount: {
    /** An account younger than this is new. */
    ageMs: 7 * DAY,
    /** A listing at or above this price is high-value. */
    highValueFen: 100_000,
    /** Publishing the k-th high-value listing within the window, this one included, holds it. */
    count: 3,
    windowMs: 24 * HOUR,
  },
} as const
