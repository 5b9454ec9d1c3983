// Delivers queued notices through the SMS gateway. Any number of app servers may run this: claims skip locked rows.
import type { Database } from '../db/index';
import { sqlFile } from '../db/sql';
import type { SmsGateway } from './sms';

const claimSql = sqlFile(import.meta.url, 'claim-notices.sql');
export const MAX_ATTEMPTS = 5;

/** Wait before the next attempt after `attempts` failed ones: 30 s, 60 s, 120 s, 240 s. */
export const retryDelaySeconds = (attempts: number) => 30 * 2 ** (attempts - 1);

export async function deliverBatch(db: Database, gateway: SmsGateway, limit = 50): Promise<{ sent: number; failed: number }> {
  const claimed = await db.withTransaction((tx) => tx.query<{ id: number; phone: string; message: string; attempts: number }>(claimSql, [limit]));
  let sent = 0;
  let failed = 0;
  for (const n of claimed) {
    try {
      await gateway.send(n.phone, n.message, n.id);
      await db.query(`UPDATE notices SET status = 'sent', sent_at = now(), last_error = NULL WHERE id = $1`, [n.id]);
      sent++;
    } catch (err) {
      // Back to the queue until the attempts are spent; then it stays failed for a person to look at.
      const status = n.attempts >= MAX_ATTEMPTS ? 'failed' : 'queued';
      await db.query(
        `UPDATE notices SET status = $2, last_error = $3, next_attempt_at = now() + make_interval(secs => $4) WHERE id = $1`,
        [n.id, status, String((err as Error).message).slice(0, 300), retryDelaySeconds(n.attempts)],
      );
      failed++;
    }
  }
  return { sent, failed };
}

/** Runs deliverBatch every intervalMs until stopped; errors are logged, never fatal. */
export function startOutbox(db: Database, gateway: SmsGateway, log: (l: string) => void, intervalMs = 2000): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const r = await deliverBatch(db, gateway);
      if (r.sent || r.failed) log(`gasgrid: outbox sent ${r.sent}, failed ${r.failed} (${gateway.name})`);
    } catch (err) {
      log(`gasgrid: outbox error: ${(err as Error).message}`);
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
