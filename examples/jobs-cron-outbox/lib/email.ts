// Stands in for an email provider's API (the lab has no network): 1.5 s per message.
export async function sendEmail(to: string, template: string): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1500))
  console.log(`${template} email sent to ${to}`)
}
