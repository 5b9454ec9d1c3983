import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { deliverBatch, MAX_ATTEMPTS } from '../../server/outages/outbox';
import { changeStatus, createOutage } from '../../server/outages/records';
import { recordingGateway, webhookGateway, type SmsGateway } from '../../server/outages/sms';
import { describeOnEachDatabase } from '../support/databases';
import { login, serveApp, TEST_PASSWORD, type Client, type TestServer } from '../support/http';
import { prepareSeeded } from '../support/seeded';

const actor = { id: null, username: 'test', ip: null };
const inFiveDays = (h = 9) => new Date(Date.now() + 5 * 86400_000 + h * 3600_000).toISOString();

describeOnEachDatabase('outage records and notices', ({ kind, db }) => {
  let server: TestServer;
  let dispatcher: Client;
  let inlet: string; // feeds 祥苑社区 (grid 3, 913 connected households)
  beforeAll(async () => {
    await prepareSeeded(db());
    server = await serveApp(db);
    dispatcher = await login(server.url, 'dispatcher', TEST_PASSWORD);
    [{ inlet }] = await db().query<{ inlet: string }>(`SELECT inlet_pipe AS inlet FROM network_nodes WHERE id = 'R-3-04'`);
  });
  afterAll(() => server.close());

  const create = (body: Record<string, unknown>) => dispatcher.post('/api/outages', { kind: 'planned', cause: '管道检修', pipes: [inlet], ...body });

  it('warns when a planned outage is announced less than 48 hours ahead, and not otherwise', async () => {
    const soon = await create({ plannedStart: new Date(Date.now() + 3600_000).toISOString(), plannedEnd: new Date(Date.now() + 5 * 3600_000).toISOString() });
    expect(soon.status).toBe(201);
    expect(soon.body.warnings.map((w: { code: string }) => w.code)).toContain('notice_under_48h');
    await changeStatus(db(), actor, soon.body.id, 'cancelled', soon.body.version, 'test');
    const later = await create({ plannedStart: inFiveDays(), plannedEnd: inFiveDays(13) });
    expect(later.body.warnings).toEqual([]);
    expect(later.body).toMatchObject({ status: 'draft', households: 913 });
    await changeStatus(db(), actor, later.body.id, 'cancelled', later.body.version, 'test');
  });

  it('refuses bad outages with a message and stores nothing', async () => {
    const [before] = await db().query<{ n: number }>('SELECT count(*)::int n FROM outages');
    expect((await create({})).body.error.message).toMatch(/plannedStart and plannedEnd/);
    expect((await create({ plannedStart: inFiveDays(13), plannedEnd: inFiveDays(9) })).status).toBe(400);
    expect((await create({ pipes: ['ghost'], kind: 'emergency' })).status).toBe(404);
    expect((await create({ kind: 'sometimes' })).status).toBe(400);
    const [after] = await db().query<{ n: number }>('SELECT count(*)::int n FROM outages');
    expect(after.n).toBe(before.n);
  });

  it('freezes the scope on confirmation and queues a notice per household: SMS, or the call list without a mobile', async () => {
    const o = (await create({ plannedStart: inFiveDays(), plannedEnd: inFiveDays(13) })).body;
    const confirmed = await dispatcher.post(`/api/outages/${o.id}/status`, { to: 'confirmed', version: o.version });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.queued).toBe(913);
    const channels = await db().query<{ channel: string; n: number; with_mobile: number }>(
      `SELECT n.channel, count(*)::int n, count(*) FILTER (WHERE h.phone ~ '^1[0-9]{10}$')::int with_mobile
       FROM notices n JOIN households h ON h.id = n.household_id WHERE n.outage_id = $1 GROUP BY n.channel ORDER BY n.channel`,
      [o.id],
    );
    expect(channels.map((c) => c.channel)).toEqual(['call', 'sms']);
    expect(channels[0].with_mobile).toBe(0);
    expect(channels[1].with_mobile).toBe(channels[1].n);
    expect(channels[0].n + channels[1].n).toBe(913);
    const [message] = await db().query<{ message: string }>(`SELECT message FROM notices WHERE outage_id = $1 LIMIT 1`, [o.id]);
    expect(message.message).toContain('祥苑社区');
    expect(confirmed.body.events.map((e: { to_status: string; actor_username: string }) => [e.to_status, e.actor_username])).toEqual([
      ['draft', 'dispatcher'],
      ['confirmed', 'dispatcher'],
    ]);

    // The outbox sends the SMS notices; the call list is left to the grid worker.
    let sent = 0;
    for (let r = await deliverBatch(db(), recordingGateway, 500); r.sent > 0; r = await deliverBatch(db(), recordingGateway, 500)) sent += r.sent;
    expect(sent).toBe(channels[1].n);

    // A grid worker of grid 3 gets the call list as an Excel workbook; one of grid 1 does not.
    const worker = await login(server.url, 'duan-yujie', TEST_PASSWORD);
    const res = await fetch(`${server.url}/api/outages/${o.id}/notices?channel=call&grid=3&format=xlsx`, { headers: { cookie: worker.cookie! } });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('网格3')!;
    expect(sheet.rowCount - 2).toBe(channels[0].n);
    expect(String(sheet.getRow(3).getCell(2).value)).toBe('祥苑社区');
    await db().query(`UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE username = 'duan-yujie') WHERE username = 'cao-yinyin'`);
    const other = await login(server.url, 'cao-yinyin', TEST_PASSWORD);
    expect((await other.get(`/api/outages/${o.id}/notices?channel=call&grid=3`)).status).toBe(403);
    const csv = await fetch(`${server.url}/api/outages/${o.id}/notices?format=csv`, { headers: { cookie: dispatcher.cookie! } });
    expect((await csv.text()).split('\r\n').length - 2).toBe(913);

    // On the phone: the worker sees the outage on their call lists, calls, and ticks households off once.
    const lists = (await worker.get('/api/calls')).body.items;
    expect(lists.find((l: { outageId: number }) => l.outageId === o.id)).toMatchObject({ grid: '3', noticeKind: 'outage', total: channels[0].n, toCall: channels[0].n });
    expect((await other.get('/api/calls')).body.items.some((l: { outageId: number }) => l.outageId === o.id)).toBe(false);
    const [first, second] = (await worker.get(`/api/calls/${o.id}?grid=3`)).body.items;
    expect(first).toMatchObject({ status: 'queued', community: '祥苑社区' });
    const noAnswer = await worker.post(`/api/calls/notices/${first.id}`, { outcome: 'no_answer', note: '无人接听' });
    expect(noAnswer.body).toMatchObject({ status: 'queued', outcome: 'no_answer', calledBy: 'duan-yujie', calledAt: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d$/) });
    expect((await worker.post(`/api/calls/notices/${first.id}`, { outcome: 'reached' })).body.status).toBe('called');
    const twice = await dispatcher.post(`/api/calls/notices/${first.id}`, { outcome: 'reached' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toContain('duan-yujie');
    expect((await worker.post(`/api/calls/notices/${second.id}`, { outcome: 'maybe' })).status).toBe(400);
    expect((await other.post(`/api/calls/notices/${second.id}`, { outcome: 'reached' })).status).toBe(403);
    expect((await other.get(`/api/calls/${o.id}?grid=3`)).status).toBe(403);
    const after = (await worker.get(`/api/calls/${o.id}?grid=3`)).body.items;
    expect(after[after.length - 1]).toMatchObject({ id: first.id, status: 'called', outcome: 'reached' });
    expect((await worker.get('/api/calls')).body.items.find((l: { outageId: number }) => l.outageId === o.id).toCall).toBe(channels[0].n - 1);
    const [{ n: audited }] = await db().query<{ n: number }>(`SELECT count(*)::int n FROM audit_log WHERE action = 'notice.call' AND entity_id = $1`, [String(first.id)]);
    expect(audited).toBe(2);

    // Moving on: in progress, then restored at night with a warning and "gas restored" notices.
    const v = (await dispatcher.get(`/api/outages/${o.id}`)).body.version;
    const started = await changeStatus(db(), actor, o.id, 'in_progress', v, undefined);
    const night = new Date('2026-12-10T15:00:00Z'); // 23:00 in China
    const restored = await changeStatus(db(), actor, o.id, 'restored', started.version, undefined, night);
    expect(restored.warnings.map((w) => w.code)).toEqual(['night_restoration']);
    expect(restored.queued).toBe(913);
  });

  it('refuses a move the states do not allow, and a stale version', async () => {
    const o = (await create({ plannedStart: inFiveDays(), plannedEnd: inFiveDays(13) })).body;
    const jump = await dispatcher.post(`/api/outages/${o.id}/status`, { to: 'restored', version: o.version });
    expect(jump.status).toBe(409);
    expect(jump.body.error.code).toBe('bad_transition');
    expect((await dispatcher.post(`/api/outages/${o.id}/status`, { to: 'confirmed', version: o.version + 5 })).body.error.code).toBe('conflict');
    const [row] = await db().query<{ status: string; n: number }>(`SELECT status, (SELECT count(*)::int FROM notices WHERE outage_id = $1) n FROM outages WHERE id = $1`, [o.id]);
    expect(row).toEqual({ status: 'draft', n: 0 });
  });

  it('flags outages that overlap in time and area', async () => {
    const first = await createOutage(db(), actor, { kind: 'emergency', cause: '抢修', pipes: [inlet], assumeInoperable: [] });
    const second = await createOutage(db(), actor, { kind: 'emergency', cause: '抢修', pipes: [inlet], assumeInoperable: [] });
    expect(second.warnings.find((w) => w.code === 'overlaps')?.outages).toContain(first.id);
  });

  it('retries a failing gateway later, waiting longer each time, and gives up after the last attempt', async () => {
    const o = await createOutage(db(), actor, { kind: 'emergency', cause: '抢修', pipes: [inlet], assumeInoperable: [] });
    await changeStatus(db(), actor, o.id, 'confirmed', o.version, undefined);
    const broken: SmsGateway = { name: 'broken', send: () => Promise.reject(new Error('gateway down')) };
    const first = await deliverBatch(db(), broken, 2000);
    expect(first.failed).toBeGreaterThan(0);
    // Not due yet: a failed notice waits before its next attempt.
    expect(await deliverBatch(db(), broken, 2000)).toEqual({ sent: 0, failed: 0 });
    const [wait] = await db().query<{ s: number }>(
      `SELECT round(extract(epoch FROM next_attempt_at - now()))::int s FROM notices WHERE outage_id = $1 AND channel = 'sms' LIMIT 1`,
      [o.id],
    );
    expect(wait.s).toBeGreaterThan(20);
    expect(wait.s).toBeLessThanOrEqual(30);
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      await db().query(`UPDATE notices SET next_attempt_at = now() WHERE outage_id = $1`, [o.id]); // time passes
      await deliverBatch(db(), broken, 2000);
    }
    const rows = await db().query<{ status: string; n: number }>(
      `SELECT status, count(*)::int n FROM notices WHERE outage_id = $1 AND channel = 'sms' GROUP BY status`,
      [o.id],
    );
    expect(rows).toEqual([{ status: 'failed', n: rows[0].n }]);
  });

  it.runIf(kind === 'server')('lets several workers drain the outbox without sending anything twice', async () => {
    const o = await createOutage(db(), actor, { kind: 'emergency', cause: '抢修', pipes: [inlet], assumeInoperable: [] });
    await changeStatus(db(), actor, o.id, 'confirmed', o.version, undefined);
    const seen: number[] = [];
    const slow: SmsGateway = { name: 'slow', send: async (_to, _m, id) => void seen.push(id) };
    const worker = async () => {
      while ((await deliverBatch(db(), slow, 20)).sent > 0);
    };
    await Promise.all([worker(), worker(), worker()]);
    expect(seen.length).toBe(new Set(seen).size);
    const [left] = await db().query<{ n: number }>(`SELECT count(*)::int n FROM notices WHERE outage_id = $1 AND channel = 'sms' AND status <> 'sent'`, [o.id]);
    expect(left.n).toBe(0);
  });

  it('posts notices to the webhook gateway', async () => {
    const received: { to: string; message: string }[] = [];
    const hook: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.end('ok');
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', () => r()));
    try {
      const gateway = webhookGateway(`http://127.0.0.1:${(hook.address() as AddressInfo).port}/sms`);
      const o = await createOutage(db(), actor, { kind: 'emergency', cause: '抢修', pipes: [inlet], assumeInoperable: [] });
      await changeStatus(db(), actor, o.id, 'confirmed', o.version, undefined);
      const r = await deliverBatch(db(), gateway, 3);
      expect(r.sent).toBe(3);
      expect(received).toHaveLength(3);
      expect(received[0].to).toMatch(/^1\d{10}$/);
      expect(received[0].message).toContain('紧急停气');
    } finally {
      hook.close();
    }
  });
});
