import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { EmulatorPayment, PaymentStatus } from '../payments/emulator-payment';
import { paymentStatusEvent } from './payment-status-event';
import type { WebhookFault } from './webhook-fault';
import { WebhookFaultQueue } from './webhook-fault-queue';
import { webhookSignature } from './webhook-signature';

// Where deliveries go; during a rotation the old secret signs X-Signature-Secondary as well.
export interface WebhookTarget {
  url: string;
  secret: string;
  previousSecret?: string | undefined;
}

export type DeliveryResult = number | 'network-error' | 'timeout';

// One attempt, as the emulator's control path lists it.
export interface WebhookDelivery {
  paymentId: string;
  status: PaymentStatus;
  attempt: number;
  fault?: WebhookFault['kind'];
  result: DeliveryResult;
  at: string;
}

export interface WebhookSenderOptions {
  now: () => Date;
  retryDelaysMs?: readonly number[] | undefined;
  logger?: Logger | undefined;
}

// Primer retries a failed notification up to three times, five seconds apart: https://primer.io/docs/payments/webhooks/
const PRIMER_RETRY_DELAYS_MS = [5000, 5000, 5000];
// Primer waits 10 s for an answer; any 2xx is success, a 3xx is a failure.
const DELIVERY_TIMEOUT_MS = 10_000;
const KEPT_DELIVERIES = 1000;

// What the control path and the in-process handle may do with the sender.
export type WebhookControl = Pick<WebhookSender, 'point' | 'target' | 'deliveries' | 'faults'>;

type Label = Pick<WebhookDelivery, 'paymentId' | 'status' | 'fault'>;
type Signed = { rawBody: string; headers: Record<string, string> };

function signatureHeaders(secrets: Pick<WebhookTarget, 'secret' | 'previousSecret'>, rawBody: string): Record<string, string> {
  return {
    'X-Signature-Primary': webhookSignature(secrets.secret, rawBody),
    ...(secrets.previousSecret === undefined ? {} : { 'X-Signature-Secondary': webhookSignature(secrets.previousSecret, rawBody) }),
  };
}

// Secrets the receiver does not hold, one per header it would have got.
function wrongSecrets(target: WebhookTarget): Pick<WebhookTarget, 'secret' | 'previousSecret'> {
  const wrong = () => randomBytes(32).toString('base64url');
  return { secret: wrong(), previousSecret: target.previousSecret === undefined ? undefined : wrong() };
}

// Sends signed PAYMENT.STATUS webhooks to one URL, with Primer's retries and the faults queued for them.
export class WebhookSender {
  readonly faults = new WebhookFaultQueue();
  #target: WebhookTarget | undefined;
  #deliveries: WebhookDelivery[] = [];
  readonly #timers = new Set<NodeJS.Timeout>();
  #stopping = new AbortController();

  constructor(private readonly options: WebhookSenderOptions) {}

  point(target: WebhookTarget | undefined): void {
    this.#target = target;
  }

  // Never the secrets.
  target(): { url: string; rotating: boolean } | undefined {
    return this.#target && { url: this.#target.url, rotating: this.#target.previousSecret !== undefined };
  }

  deliveries(): WebhookDelivery[] {
    return [...this.#deliveries];
  }

  // Resolves once the first attempt was answered, or failed; retries carry on after it.
  async paymentChanged(payment: EmulatorPayment): Promise<void> {
    const target = this.#target;
    if (!target) return;
    const fault = this.faults.take(payment.status);
    const now = this.options.now();
    const signedAt = fault?.kind === 'stale' ? new Date(now.getTime() - fault.seconds * 1000) : now;
    const rawBody = JSON.stringify(paymentStatusEvent(payment, now, signedAt));
    const signed = { rawBody, headers: signatureHeaders(fault?.kind === 'bad-signature' ? wrongSecrets(target) : target, rawBody) };
    const label: Label = { paymentId: payment.id, status: payment.status, ...(fault ? { fault: fault.kind } : {}) };
    if (fault?.kind === 'delay' && !(await this.#wait(fault.ms))) return;
    await this.#deliver(target.url, signed, label, 1);
    if (fault?.kind === 'duplicate') await this.#deliver(target.url, signed, label, 1);
  }

  // Forgets deliveries and faults and cancels pending retries; the target stays.
  clear(): void {
    this.close();
    this.#stopping = new AbortController();
    this.faults.clear();
    this.#deliveries = [];
  }

  close(): void {
    this.#stopping.abort();
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  async #deliver(url: string, signed: Signed, label: Label, attempt: number): Promise<void> {
    const stopping = this.#stopping.signal;
    const result = await this.#post(url, signed, stopping);
    if (stopping.aborted) return;
    this.#deliveries.push({ ...label, attempt, result, at: this.options.now().toISOString() });
    if (this.#deliveries.length > KEPT_DELIVERIES) this.#deliveries.shift();
    this.options.logger?.debug({ ...label, attempt, result }, 'emulator webhook delivered');
    const delay = (this.options.retryDelaysMs ?? PRIMER_RETRY_DELAYS_MS)[attempt - 1];
    if ((typeof result === 'number' && result >= 200 && result < 300) || delay === undefined) return;
    void this.#wait(delay).then((due) => (due ? this.#deliver(url, signed, label, attempt + 1) : undefined));
  }

  async #post(url: string, { rawBody, headers }: Signed, stopping: AbortSignal): Promise<DeliveryResult> {
    const timeout = AbortSignal.timeout(DELIVERY_TIMEOUT_MS);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: rawBody,
        redirect: 'manual',
        signal: AbortSignal.any([timeout, stopping]),
      });
      await response.arrayBuffer().catch(() => undefined);
      return response.status;
    } catch {
      return timeout.aborted ? 'timeout' : 'network-error';
    }
  }

  // False when the sender was cleared or closed meanwhile.
  #wait(ms: number): Promise<boolean> {
    const stopping = this.#stopping.signal;
    return new Promise((resolve) => {
      if (stopping.aborted) return resolve(false);
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        resolve(!stopping.aborted);
      }, ms);
      this.#timers.add(timer);
      stopping.addEventListener('abort', () => resolve(false), { once: true });
    });
  }
}
