import type { Translator } from '../i18n/translator.ts';
import { localTime, type TimeRange, type WorkingHours } from './working-hours.ts';

/** "Thứ Hai – Thứ Sáu: 7:30–11:30, 13:30–17:00", grouping consecutive days that keep the same hours. */
export function describeWorkingHours(hours: WorkingHours, t: Translator): string {
  const groups: { from: number; to: number; key: string; ranges: readonly TimeRange[] }[] = [];
  for (let day = 1; day <= 7; day++) {
    const ranges = hours.week.get(day) ?? [];
    if (ranges.length === 0) continue;
    const key = ranges.map((r) => `${r.from}-${r.to}`).join(',');
    const last = groups.at(-1);
    if (last && last.key === key && last.to === day - 1) last.to = day;
    else groups.push({ from: day, to: day, key, ranges });
  }
  return groups
    .map((g) => {
      const days = g.from === g.to ? t.t(`handoff.day.${g.from}`) : `${t.t(`handoff.day.${g.from}`)} – ${t.t(`handoff.day.${g.to}`)}`;
      return `${days}: ${g.ranges.map((r) => `${clock(r.from)}–${clock(r.to)}`).join(', ')}`;
    })
    .join('; ');
}

/** "7:30 Thứ Hai 24/11" in the configured time zone. */
export function describeMoment(at: Date, timeZone: string, t: Translator): string {
  const local = localTime(at, timeZone);
  const [, month, day] = local.isoDate.split('-');
  return t.t('handoff.moment', { time: clock(local.minuteOfDay), day: t.t(`handoff.day.${local.weekday}`), date: `${Number(day)}/${Number(month)}` });
}

function clock(minuteOfDay: number): string {
  return `${Math.floor(minuteOfDay / 60)}:${String(minuteOfDay % 60).padStart(2, '0')}`;
}
