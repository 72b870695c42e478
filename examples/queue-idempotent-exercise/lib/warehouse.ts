// Stands in for the warehouse's stock API (the lab has no network). It is having an incident: until
// 20 s into the run (the lab's clock starts at 2026-01-01T00:00:00Z), every call takes 4 s; after
// that, 200 ms.
const incidentEnds = Date.parse('2026-01-01T00:00:20Z')

export async function reserveStock(orderId: number): Promise<void> {
  const ms = Date.now() < incidentEnds ? 4000 : 200
  await new Promise((resolve) => setTimeout(resolve, ms))
  console.log(`stock reserved for order ${orderId}`)
}
