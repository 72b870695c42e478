// Stands in for rendering a PDF invoice and uploading it (the lab has no network): 3 s per order.
export async function renderInvoice(orderId: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 3000))
  void orderId
}
