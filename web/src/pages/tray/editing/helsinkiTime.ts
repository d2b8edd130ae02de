/** Session times are typed as the Helsinki clock (whatever the device's zone) and sent as
 * ISO 8601 with the offset in force on that day (+02:00 in winter, +03:00 in summer). */
const ZONE = "Europe/Helsinki";

const PARTS = new Intl.DateTimeFormat("en-GB", {
  timeZone: ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function wallClock(epoch: number): { date: string; time: string } {
  const parts = Object.fromEntries(PARTS.formatToParts(new Date(epoch)).map((part) => [part.type, part.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** Minutes Helsinki is ahead of UTC at `epoch`. */
function offsetAt(epoch: number): number {
  const { date, time } = wallClock(epoch);
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  return Math.round((asUtc - Math.floor(epoch / 60_000) * 60_000) / 60_000);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** `yyyy-mm-dd` + `hh:mm` on the Helsinki clock as ISO with its offset, or null if either
 * is not a real date or time. */
export function helsinkiIso(date: string, time: string): string | null {
  if (!DATE.test(date) || !TIME.test(time)) return null;
  const naive = Date.parse(`${date}T${time}:00Z`);
  if (Number.isNaN(naive) || new Date(naive).toISOString().slice(0, 10) !== date) return null;
  // The offset at the moment itself: guess with the offset at the naive reading, then check.
  let offset = offsetAt(naive - offsetAt(naive) * 60_000);
  offset = offsetAt(naive - offset * 60_000);
  const sign = offset >= 0 ? "+" : "-";
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `${date}T${time}:00${sign}${hh}:${mm}`;
}

/** A stored moment as the Helsinki date and time of day, for the form's fields. */
export function helsinkiParts(iso: string): { date: string; time: string } {
  return wallClock(Date.parse(iso));
}
