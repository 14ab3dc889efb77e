import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionUser } from '../../../src/domain/accounts/provision-user.js';
import { rowsOf } from '../../../src/persistence/database.js';
import { insertEstablishment } from '../../../src/persistence/repositories/establishments.repository.js';
import { insertOrganisation } from '../../../src/persistence/repositories/organisations.repository.js';
import { insertRosterEntry } from '../../../src/persistence/repositories/roster.repository.js';
import { fixedClock } from '../../helpers/test-app.js';
import { clientFor, createMembershipTestApp, type MembershipTestApp } from '../membership/membership-test-app.js';

const clock = fixedClock('2026-04-10T03:00:00Z');
let t: MembershipTestApp;
let staffId: string;
const members: { orgId: string; estId: string; userId: string }[] = [];

const org = (name: string, cn: string, prefecture: string) =>
  insertOrganisation(t.database.db, { kind: 'accepting_company', name, nameKana: null, corporateNumber: cn, postalCode: null, prefecture, address: null, representativeName: null });

beforeAll(async () => {
  t = await createMembershipTestApp(clock);
  const secretariat = await insertOrganisation(t.database.db, { kind: 'secretariat', name: '事務局', nameKana: null, corporateNumber: null, postalCode: null, prefecture: null, address: null, representativeName: null });
  staffId = (await provisionUser(t.database.db, { email: 'comms-staff@jinzai.invalid', password: 'correct horse battery staple', displayName: '広報 担当', isStaff: true, roles: [{ role: 'secretariat_admin', organisationId: secretariat.id }] })).userId;
  for (const [i, [name, pref, jsic]] of ([['愛知精機株式会社', '23', '2592'], ['大阪金属株式会社', '27', '2451'], ['岐阜工業株式会社', '21', '2592']] as const).entries()) {
    const o = await org(name, `100000000000${i + 3}`, pref);
    const e = await insertEstablishment(t.database.db, { organisationId: o.id, name: `${name} 本社工場`, nameKana: null, postalCode: null, prefecture: pref, address: '1-1', jsicCodes: [jsic] } as never);
    if (i < 2) await insertRosterEntry(t.database.db, { establishmentId: e.id, organisationId: o.id, roster: 'jaim', listedFrom: '2026-01-01', establishmentName: e.name, establishmentNameKana: null, organisationName: name, corporateNumber: o.corporateNumber, prefecture: pref, address: '1-1', jsicCodes: [jsic], joinRequestId: null, searchText: name });
    const u = await provisionUser(t.database.db, { email: `member${i}@example.jp`, password: 'correct horse battery staple', displayName: `会員${i}`, isStaff: false, roles: [{ role: 'company_admin', organisationId: o.id }] });
    members.push({ orgId: o.id, estId: e.id, userId: u.userId });
  }
});
afterAll(() => t?.close());

/** The hidden fields of the confirmation page's send form (what the browser posts back), decoded from the HTML. */
const hiddenFieldsOf = (html: string): Record<string, string | string[]> => {
  const form = /<form method="post" action="\/staff\/communications"[\s\S]*?<\/form>/.exec(html)![0];
  const out: Record<string, string | string[]> = {};
  const decode = (v: string) => v.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    const [name, value] = [m[1]!, decode(m[2]!)];
    if (name === '_csrf') continue;
    const prev = out[name];
    out[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
};

describe('notices (M12)', () => {
  it('validates, confirms (recipients, channels, preview), then sends to listed members filtered by prefecture: inbox and e-mail', async () => {
    const staff = clientFor(t.app, staffId);
    await staff.get('/staff/communications');
    const bad = await staff.post('/staff/communications/confirm', { subject: '', body: '', jsic: 'abc' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#subject"');
    expect(bad.body).toContain('href="#jsic"');
    const check = await staff.post('/staff/communications/confirm', { subject: '説明会のご案内', body: '4月20日に説明会を開催します。', prefectures: ['23'], status: 'listed', sendEmail: 'yes' });
    expect(check.statusCode).toBe(200);
    expect(check.body).toMatch(/id="recipient-count">1 件</);
    expect(check.body).toContain('愛知県');
    expect(check.body).toContain('メール：1 件のアドレス');
    // Nothing is sent by the confirmation page.
    expect(rowsOf<{ n: number }>(await t.database.db.execute(sql`SELECT count(*)::int AS n FROM notices`))[0]!.n).toBe(0);
    const res = await staff.post('/staff/communications', { ...hiddenFieldsOf(check.body), decision: 'send' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/staff/communications?sent=1');
    const mail = rowsOf<{ to_address: string }>(await t.database.db.execute(sql`SELECT to_address FROM outbox_emails WHERE subject = '説明会のご案内'`));
    expect(mail.map((m) => m.to_address)).toEqual(['member0@example.jp']);
  });

  it('the addressed member sees it unread, opens it, and it becomes read; others cannot open it', async () => {
    const member = clientFor(t.app, members[0]!.userId);
    const inbox = await member.get('/inbox');
    expect(inbox.body).toContain('説明会のご案内');
    expect(inbox.body).toContain('tag--warning');
    const id = /href="\/inbox\/([0-9a-f-]{36})"/.exec(inbox.body)![1]!;
    expect((await member.get(`/inbox/${id}`)).body).toContain('4月20日に説明会を開催します。');
    expect((await member.get('/inbox')).body).not.toContain('tag--warning');
    const other = clientFor(t.app, members[1]!.userId);
    expect((await other.get('/inbox')).body).not.toContain('説明会のご案内');
    expect((await other.get(`/inbox/${id}`)).statusCode).toBe(404);
  });

  it('the preview shows the text escaped; sending twice with the same confirmation sends once', async () => {
    const staff = clientFor(t.app, staffId);
    const subject = '<b>重要</b> 年度更新のお知らせ';
    const check = await staff.post('/staff/communications/confirm', { subject, body: '<script>alert(1)</script>\n二行目', status: 'listed' });
    expect(check.statusCode).toBe(200);
    expect(check.body).not.toContain('<script>alert(1)</script>');
    expect(check.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(check.body).toContain('&lt;b&gt;重要&lt;/b&gt;');
    expect(check.body).toMatch(/id="recipient-count">2 件</);
    expect(check.body).toContain('メール：送らない');
    const form = { ...hiddenFieldsOf(check.body), decision: 'send' };
    const [first, second] = await Promise.all([staff.post('/staff/communications', form), staff.post('/staff/communications', form)]);
    const third = await staff.post('/staff/communications', form);
    for (const r of [first, second, third]) {
      expect(r.statusCode).toBe(303);
      expect(r.headers.location).toBe('/staff/communications?sent=2');
    }
    const sent = rowsOf<{ id: string }>(await t.database.db.execute(sql`SELECT id FROM notices WHERE subject = ${subject}`));
    expect(sent).toHaveLength(1);
    const recipients = rowsOf<{ n: number }>(await t.database.db.execute(sql`SELECT count(*)::int AS n FROM notice_recipients WHERE notice_id = ${sent[0]!.id}`));
    expect(recipients[0]!.n).toBe(2);
    const audits = rowsOf<{ n: number }>(await t.database.db.execute(sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'notice.sent' AND target_id = ${sent[0]!.id}`));
    expect(audits[0]!.n).toBe(1);
    // The member reads it escaped too.
    const inbox = await clientFor(t.app, members[1]!.userId).get(`/inbox/${sent[0]!.id}`);
    expect(inbox.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('"change" goes back to the form with what was typed; a stale count is confirmed again; a form without a key only confirms', async () => {
    const staff = clientFor(t.app, staffId);
    const check = await staff.post('/staff/communications/confirm', { subject: '岐阜県の会員へ', body: '本文', prefectures: ['21'], status: 'any', sendEmail: 'yes' });
    expect(check.body).toMatch(/id="recipient-count">1 件</);
    const edit = await staff.post('/staff/communications', { ...hiddenFieldsOf(check.body), decision: 'edit' });
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain('value="岐阜県の会員へ"');
    expect(edit.body).toMatch(/<option value="21" selected>/);
    // Confirmed for 1 member, but the audience now has 2: nothing is sent, the page shows the new count.
    const stale = await staff.post('/staff/communications', { ...hiddenFieldsOf(check.body), prefectures: ['21', '23'], decision: 'send' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('2 件になりました');
    expect(stale.body).toMatch(/id="recipient-count">2 件</);
    const noKey = await staff.post('/staff/communications', { subject: '確認なし', body: '本文', status: 'listed' });
    expect(noKey.statusCode).toBe(200);
    expect(noKey.body).toContain('name="idempotencyKey"');
    expect(rowsOf<{ n: number }>(await t.database.db.execute(sql`SELECT count(*)::int AS n FROM notices WHERE subject IN ('岐阜県の会員へ', '確認なし')`))[0]!.n).toBe(0);
  });

  it('only secretariat staff may confirm or send', async () => {
    const member = clientFor(t.app, members[0]!.userId);
    expect((await member.post('/staff/communications/confirm', { subject: 'x', body: 'y' })).statusCode).toBe(403);
  });
});

describe('surveys (M12)', () => {
  let url = '';
  it('staff create a draft survey for listed JSIC 259x members and publish it', async () => {
    const staff = clientFor(t.app, staffId);
    await staff.get('/staff/surveys');
    const res = await staff.post('/staff/surveys', { title: '受入れ予定調査', questions: 'single: 受入れ予定* | はい | いいえ\nmultiple: 分野 | 機械 | 電気\ntext: ご意見', opensOn: '2026-04-01', closesOn: '2026-04-30', status: 'listed', jsic: '259' });
    expect(res.statusCode).toBe(303);
    url = res.headers.location as string;
    const page = await staff.get(url);
    const lock = /name="lockVersion" value="(\d+)"/.exec(page.body)![1]!;
    expect((await staff.post(`${url}/status`, { event: 'publish', lockVersion: lock })).statusCode).toBe(303);
    expect((await staff.post(`${url}/status`, { event: 'publish', lockVersion: lock })).statusCode).toBe(409);
  });
  it('one response per establishment, editable while open; results count it and export CSV', async () => {
    const id = url.split('/').pop()!;
    const member = clientFor(t.app, members[0]!.userId);
    expect((await member.get('/inbox')).body).toContain(`/surveys/${id}`);
    await member.get(`/surveys/${id}`);
    const missing = await member.post(`/surveys/${id}`, { establishmentId: members[0]!.estId, lockVersion: '', q2: ['機械'] });
    expect(missing.statusCode).toBe(400);
    expect((await member.post(`/surveys/${id}`, { establishmentId: members[0]!.estId, lockVersion: '', q1: 'はい', q2: ['機械', '電気'], q3: '=cmd' })).statusCode).toBe(303);
    const again = await member.post(`/surveys/${id}`, { establishmentId: members[0]!.estId, lockVersion: '', q1: 'いいえ' });
    expect(again.statusCode).toBe(409);
    expect((await member.post(`/surveys/${id}`, { establishmentId: members[0]!.estId, lockVersion: '0', q1: 'いいえ', q2: ['機械'], q3: '=cmd' })).statusCode).toBe(303);
    // Not in the audience (JSIC 2451): the survey does not exist for them.
    expect((await clientFor(t.app, members[1]!.userId).get(`/surveys/${id}`)).statusCode).toBe(404);
    const staff = clientFor(t.app, staffId);
    const results = await staff.get(url);
    expect(results.body).toMatch(/id="response-count">1</);
    expect(results.body).toContain('data-count="1"');
    const csv = await staff.get(`${url}/results.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect([...csv.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 with BOM, for Excel
    expect(csv.rawPayload.subarray(3).toString('utf8')).toContain('事業所,回答日時,受入れ予定,分野,ご意見');
    expect(csv.rawPayload.subarray(3).toString('utf8')).toContain("'=cmd");
  });
  it('after the closing date answers are refused', async () => {
    clock.set('2026-05-02T03:00:00Z');
    const id = url.split('/').pop()!;
    const member = clientFor(t.app, members[0]!.userId);
    expect((await member.get(`/surveys/${id}`)).body).toContain('現在回答を受け付けていません');
    expect((await member.post(`/surveys/${id}`, { establishmentId: members[0]!.estId, lockVersion: '1', q1: 'はい' })).statusCode).toBe(409);
    clock.set('2026-04-10T03:00:00Z');
  });
});
