import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Button, Flex } from '@strapi/design-system';
import { Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import type { CalendarEntry } from '../../../../shared/contracts/schedule';
import { errorMessage } from '../../api/errors';
import { useGetCalendarQuery, useScheduleCampaignMutation } from '../../api/scheduling';
import { daysOfView, localDayOf, rangeOf, stepAnchor, type CalendarView, type Day } from '../../components/calendar/calendar-grid';
import { CalendarGrid } from '../../components/calendar/CalendarGrid';
import { usePluginMessages } from '../../hooks/use-plugin-messages';
import { PERMISSIONS } from '../../permissions';

/**
 * The campaigns by day, a month or a week at a time: those scheduled and those that went. Dragging
 * a scheduled campaign to another day reschedules it there, at its time, in its zone and mode.
 */
export const CalendarPage = () => {
  const t = usePluginMessages();
  const { locale } = useIntl();
  const { toggleNotification } = useNotification();
  const {
    allowedActions: { canSend },
  } = useRBAC(PERMISSIONS.send);
  // The day the page opened on: it stays "today" for the visit.
  const [today] = useState<Day>(() => localDayOf(Date.now()));
  const [view, setView] = useState<CalendarView>('month');
  const [anchor, setAnchor] = useState<Day>(today);
  const weeks = daysOfView(view, anchor);
  const calendar = useGetCalendarQuery(rangeOf(weeks), { refetchOnMountOrArgChange: true });
  const [scheduleCampaign] = useScheduleCampaignMutation();

  const title = t('calendar.title', 'Calendar');
  const heading =
    view === 'month'
      ? new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
          new Date(`${anchor.slice(0, 7)}-01T00:00:00Z`)
        )
      : t('calendar.weekOf', 'Week of {day}', {
          day: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
            new Date(`${weeks[0][0]}T00:00:00Z`)
          ),
        });

  const move = async (entry: CalendarEntry, day: Day) => {
    if (!entry.schedule) {
      toggleNotification({
        type: 'danger',
        message: t('calendar.noSchedule', '"{name}" has no schedule to move: set one on its page.', { name: entry.name }),
      });
      return;
    }
    try {
      await scheduleCampaign({ documentId: entry.documentId, data: { ...entry.schedule, date: day }, ifVersion: entry.version }).unwrap();
      toggleNotification({ type: 'success', message: t('calendar.moved', 'Moved "{name}" to {day}', { name: entry.name, day }) });
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    }
  };

  if (calendar.isError) return <Page.Error />;
  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header title={title} subtitle={heading} />
      <Layouts.Action
        startActions={
          <Flex gap={2}>
            <Button variant="tertiary" onClick={() => setAnchor(stepAnchor(view, anchor, -1))}>
              {view === 'month' ? t('calendar.previousMonth', 'Previous month') : t('calendar.previousWeek', 'Previous week')}
            </Button>
            <Button variant="tertiary" onClick={() => setAnchor(today)}>
              {t('calendar.today', 'Today')}
            </Button>
            <Button variant="tertiary" onClick={() => setAnchor(stepAnchor(view, anchor, 1))}>
              {view === 'month' ? t('calendar.nextMonth', 'Next month') : t('calendar.nextWeek', 'Next week')}
            </Button>
          </Flex>
        }
        endActions={
          <Flex gap={2} role="group" aria-label={t('calendar.view', 'View')}>
            <Button variant={view === 'month' ? 'default' : 'secondary'} aria-pressed={view === 'month'} onClick={() => setView('month')}>
              {t('calendar.month', 'Month')}
            </Button>
            <Button variant={view === 'week' ? 'default' : 'secondary'} aria-pressed={view === 'week'} onClick={() => setView('week')}>
              {t('calendar.week', 'Week')}
            </Button>
          </Flex>
        }
      />
      <Layouts.Content>
        {calendar.isLoading && !calendar.data ? (
          <Page.Loading />
        ) : (
          <CalendarGrid
            weeks={weeks}
            entries={calendar.data ?? []}
            month={view === 'month' ? anchor.slice(0, 7) : null}
            today={today}
            canMove={canSend}
            onMove={move}
          />
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
