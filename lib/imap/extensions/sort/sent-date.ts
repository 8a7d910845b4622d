/**
 * The sent date SORT (DATE) compares (RFC 5256 §2.2): the Date: header's date-time (RFC 5322
 * §3.3, obsolete zones of §4.3 included) in milliseconds since the epoch, UTC; null when the
 * header is missing or cannot be read, and the caller then uses the INTERNALDATE.
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** RFC 5322 §4.3 obs-zone: the US zones and UT/GMT; military zones count as -0000 (unknown). */
const ZONES: Record<string, number> = {
  UT: 0,
  GMT: 0,
  Z: 0,
  EST: -5,
  EDT: -4,
  CST: -6,
  CDT: -5,
  MST: -7,
  MDT: -6,
  PST: -8,
  PDT: -7,
};

export function parseSentDate(value: string | null): number | null {
  if (!value) return null;
  const m =
    /^\s*(?:[A-Za-z]{3}\s*,\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Za-z]{1,5})?/.exec(
      value.replace(/\([^)]*\)/g, ' '),
    );
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!.toLowerCase());
  if (month < 0) return null;
  let year = Number(m[3]);
  // RFC 5322 §4.3: a two-digit year is 19xx from 50, 20xx below; three digits add 1900.
  if (m[3]!.length === 2) year += year < 50 ? 2000 : 1900;
  else if (m[3]!.length === 3) year += 1900;
  const [day, hour, minute, second] = [Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  const zone = m[7] ?? '-0000';
  let offsetMinutes = 0;
  if (/^[+-]\d{4}$/.test(zone)) {
    const sign = zone[0] === '-' ? -1 : 1;
    offsetMinutes = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
  } else offsetMinutes = (ZONES[zone.toUpperCase()] ?? 0) * 60;
  return Date.UTC(year, month, day, hour, minute, second) - offsetMinutes * 60_000;
}
