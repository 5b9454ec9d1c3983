// The texts sent to households, in Chinese as customers receive them; times in China Standard Time.
const fmt = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
export const chinaTime = (d: Date) => fmt.format(d);

export interface OutageText {
  kind: 'emergency' | 'planned';
  cause: string;
  community: string | null;
  start: Date | null;
  end: Date | null;
}

export function outageMessage(o: OutageText): string {
  const where = o.community ? `您所在的${o.community}` : '您家';
  if (o.kind === 'emergency') {
    return `【潘集燃气】尊敬的用户：因${o.cause}，${where}需紧急停气，恢复时间另行通知。停气期间请关闭燃气表前阀，切勿自行开启。`;
  }
  const window = o.start && o.end ? `将于${chinaTime(o.start)}至${chinaTime(o.end)}停气` : '将停气';
  return `【潘集燃气】尊敬的用户：因${o.cause}，${where}${window}，请提前做好准备并关闭燃气表前阀。`;
}

export function restoredMessage(community: string | null): string {
  return `【潘集燃气】尊敬的用户：${community ? `${community}` : '您家'}已恢复供气。请确认灶具阀门关闭后再开启表前阀；如闻到异味请立即报修。`;
}

/** Local rules commonly forbid restoring residential supply between 22:00 and 06:00 (China Standard Time). */
export function isNightInChina(d: Date): boolean {
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', hour12: false }).format(d)) % 24;
  return hour >= 22 || hour < 6;
}

export const NOTICE_HOURS = 48;
export const MAX_OUTAGE_HOURS = 24;
export const isMobile = (phone: string | null) => !!phone && /^1\d{10}$/.test(phone);
