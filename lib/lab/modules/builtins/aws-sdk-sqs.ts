/**
 * `@aws-sdk/client-sqs` in the lab: the AWS SDK v3 shape (`new SQSClient(config)`, `client.send(new
 * SendMessageCommand(input))`) in front of the simulated SQS (lib/lab/queue/sqs.ts), not AWS. A call
 * costs `SQS_SEND_MS` of virtual time. Provided: `SendMessageCommand` and `SendMessageBatchCommand`,
 * the producer's side; consumers are Lambda functions the event source mapping invokes
 * (infra/queues.json), so `ReceiveMessageCommand` and `DeleteMessageCommand` are not provided and say so.
 */
import type { Scheduler } from '../../clock/scheduler'
import { SQS_SEND_MS, type SimulatedSqs } from '../../queue/sqs'

interface SendMessageInput {
  QueueUrl?: string
  MessageBody?: string
  DelaySeconds?: number
}
interface SendMessageBatchInput {
  QueueUrl?: string
  Entries?: Array<{ Id?: string; MessageBody?: string; DelaySeconds?: number }>
}

export function createAwsSdkSqs(scheduler: Scheduler, sqs: SimulatedSqs) {
  class Command<Input> {
    constructor(readonly input: Input) {}
  }
  class SendMessageCommand extends Command<SendMessageInput> {}
  class SendMessageBatchCommand extends Command<SendMessageBatchInput> {}
  const notProvided = (name: string) =>
    class extends Command<unknown> {
      constructor(input: unknown) {
        super(input)
        throw new Error(
          `${name} is not provided by the lab's simulated SQS. The lab's consumers are Lambda functions that the event source mapping in infra/queues.json invokes with batches; it receives and deletes for them.`,
        )
      }
    }

  const who = () => {
    const ctx = scheduler.current
    return {
      instance: ctx?.instance?.id,
      request: ctx?.request && ctx.request.index >= 0 ? ctx.request.index : undefined,
    }
  }

  class SQSClient {
    readonly config: Record<string, unknown>
    constructor(config: Record<string, unknown> = {}) {
      this.config = { region: 'us-east-1', ...config }
    }
    async send(command: unknown): Promise<unknown> {
      await scheduler.sleep(SQS_SEND_MS)
      const $metadata = { httpStatusCode: 200, attempts: 1, totalRetryDelay: 0 }
      if (command instanceof SendMessageCommand) {
        const { QueueUrl, MessageBody, DelaySeconds } = command.input ?? {}
        const queue = sqs.resolve(QueueUrl)
        const MessageId = sqs.send(queue, MessageBody as string, DelaySeconds, who())
        return { $metadata, MessageId }
      }
      if (command instanceof SendMessageBatchCommand) {
        const { QueueUrl, Entries = [] } = command.input ?? {}
        const queue = sqs.resolve(QueueUrl)
        if (Entries.length === 0 || Entries.length > 10)
          throw Object.assign(new Error('A batch holds 1 to 10 entries.'), { name: 'TooManyEntriesInBatchRequest' })
        const Successful = Entries.map((entry) => ({
          Id: entry.Id,
          MessageId: sqs.send(queue, entry.MessageBody as string, entry.DelaySeconds, who()),
        }))
        return { $metadata, Successful, Failed: [] }
      }
      throw new TypeError('SQSClient.send() takes a command, e.g. new SendMessageCommand({ QueueUrl, MessageBody }).')
    }
    destroy(): void {}
  }

  return {
    __esModule: true,
    SQSClient,
    SendMessageCommand,
    SendMessageBatchCommand,
    ReceiveMessageCommand: notProvided('ReceiveMessageCommand'),
    DeleteMessageCommand: notProvided('DeleteMessageCommand'),
  }
}
