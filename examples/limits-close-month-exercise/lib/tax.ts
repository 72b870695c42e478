// Stands in for a third-party tax API (the lab has no network): 1.5 s per call.
export async function taxFor(amountCents: number): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 1500))
  return Math.round(amountCents * 0.2)
}
