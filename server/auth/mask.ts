// Masks personal data for roles that do not need it: 138****5678, 张*.
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  const digits = phone.replace(/\D/g, '');
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  // Landlines and others: keep the area code and the last four digits.
  const m = /^(\d{3,4}-)?(\d+)$/.exec(phone);
  if (m) return `${m[1] ?? ''}${'*'.repeat(Math.max(0, m[2].length - 4))}${m[2].slice(-4)}`;
  return '*'.repeat(Math.max(0, phone.length - 4)) + phone.slice(-4);
}

export function maskName(name: string | null): string | null {
  if (!name) return name;
  const chars = [...name];
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}
