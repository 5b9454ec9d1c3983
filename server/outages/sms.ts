// SMS gateways for the outbox: the default only records the message (no SMS contract here); a webhook posts it.
export interface SmsGateway {
  readonly name: string;
  /** Resolves when the gateway accepted the message; throws with the reason otherwise. */
  send(to: string, message: string, noticeId: number): Promise<void>;
}

/** Keeps the message in the outbox as sent: what a gateway would have been given. */
export const recordingGateway: SmsGateway = {
  name: 'record',
  async send() {},
};

/** POSTs {to, message, noticeId} as JSON to SMS_WEBHOOK_URL; any answer but 2xx is a failure. */
export function webhookGateway(url: string, timeoutMs = 10_000): SmsGateway {
  return {
    name: 'webhook',
    async send(to, message, noticeId) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ to, message, noticeId }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!res.ok) throw new Error(`webhook answered ${res.status}`);
    },
  };
}
