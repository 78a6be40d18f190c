import { useIntl } from 'react-intl';
import { Box, Flex, Typography } from '@strapi/design-system';
import { Link } from 'react-router-dom';
import type { CalendarEntry } from '../../../../shared/contracts/schedule';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { CampaignStateBadge } from '../CampaignStateBadge';
import { localDayOf, type Day } from './calendar-grid';

interface Props {
  weeks: Day[][];
  entries: CalendarEntry[];
  /** The month a month view is of (its other days are dimmed); null for a week view. */
  month: string | null;
  today: Day;
  /** Whether scheduled campaigns can be dragged to another day (the editor may send). */
  canMove: boolean;
  onMove: (entry: CalendarEntry, day: Day) => void;
}

const DRAG_TYPE = 'application/x-campaign-document-id';

/** The day a campaign sits on: a scheduled one on its schedule's own date, one that went on the browser's day of its start. */
export const dayOfEntry = (entry: CalendarEntry): Day =>
  entry.state === 'scheduled' && entry.schedule ? entry.schedule.date : localDayOf(entry.at);

/** Weeks of days as a table, each day with its campaigns; a scheduled one can be dropped on another day. */
export const CalendarGrid = ({ weeks, entries, month, today, canMove, onMove }: Props) => {
  const t = usePluginMessages();
  const { locale } = useIntl();
  const byDay = new Map<Day, CalendarEntry[]>();
  for (const entry of entries) byDay.set(dayOfEntry(entry), [...(byDay.get(dayOfEntry(entry)) ?? []), entry]);
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  const dayLabel = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const utc = (day: Day) => new Date(`${day}T00:00:00Z`);

  const drop = (day: Day) => (event: React.DragEvent) => {
    const documentId = event.dataTransfer.getData(DRAG_TYPE);
    const entry = entries.find((e) => e.documentId === documentId);
    event.preventDefault();
    if (entry && dayOfEntry(entry) !== day) onMove(entry, day);
  };

  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={2}>
      <table style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' }}>
        <caption className="sr-only" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
          {t('calendar.caption', 'Campaigns by day')}
        </caption>
        <thead>
          <tr>
            {weeks[0].map((day) => (
              <th key={day} scope="col" style={{ padding: 8, textAlign: 'left' }}>
                <Typography variant="sigma" textColor="neutral600">
                  {weekday.format(utc(day))}
                </Typography>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day) => (
                <td
                  key={day}
                  aria-label={dayLabel.format(utc(day))}
                  data-day={day}
                  onDragOver={canMove ? (event) => event.preventDefault() : undefined}
                  onDrop={canMove ? drop(day) : undefined}
                  style={{
                    verticalAlign: 'top',
                    height: month ? 110 : 320,
                    padding: 6,
                    border: '1px solid #eaeaef',
                    opacity: month && !day.startsWith(month) ? 0.55 : 1,
                  }}
                >
                  <Flex direction="column" alignItems="stretch" gap={1}>
                    <Typography fontWeight={day === today ? 'bold' : 'regular'} textColor={day === today ? 'primary600' : 'neutral800'}>
                      {Number(day.slice(8))}
                    </Typography>
                    {(byDay.get(day) ?? []).map((entry) => {
                      const movable = canMove && entry.state === 'scheduled';
                      return (
                        <Box
                          key={entry.documentId}
                          draggable={movable}
                          onDragStart={
                            movable ? (event: React.DragEvent) => event.dataTransfer.setData(DRAG_TYPE, entry.documentId) : undefined
                          }
                          background="neutral100"
                          hasRadius
                          padding={1}
                          data-campaign={entry.name}
                          style={{ cursor: movable ? 'grab' : 'default' }}
                        >
                          <Flex direction="column" alignItems="flex-start" gap={1}>
                            <Link to={`../campaigns/${entry.documentId}`} relative="path">
                              <Typography variant="omega" textColor="primary600" ellipsis>
                                {time.format(new Date(entry.at))} {entry.name}
                              </Typography>
                            </Link>
                            <CampaignStateBadge state={entry.state} />
                          </Flex>
                        </Box>
                      );
                    })}
                  </Flex>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  );
};
