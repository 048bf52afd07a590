import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { CodeTimeline } from '../../app/codeInsights';
import { useColorScheme } from '../hooks/useColorScheme';

const SERIES = ['attached', 'activated'] as const;
const DAY_SECONDS = 86_400;
const PERIOD_SECONDS = { day: DAY_SECONDS, week: 7 * DAY_SECONDS, month: 30 * DAY_SECONDS } as const;

/**
 * Attachments and activations per day (or week, or month) as bars drawn by uPlot; hovering a period
 * shows its figures above the chart, and without a hover the line gives the totals.
 */
export function Timeline({ timeline }: { timeline: CodeTimeline | null }) {
  const { t, i18n } = useTranslation();
  const scheme = useColorScheme();
  const box = useRef<HTMLDivElement>(null);
  const [hovered, setHovered] = useState<number | null>(null);
  const language = i18n.language;
  const unit = timeline?.unit ?? 'day';
  const dateOf = periodFormat(unit, language);
  const periodName = (ms: number | undefined) =>
    unit === 'week' ? t('insights.weekOf', { date: dateOf.format(ms) }) : dateOf.format(ms);
  const number = new Intl.NumberFormat(language);

  useEffect(() => {
    const target = box.current;
    if (timeline === null || timeline.starts.length === 0 || target === null) return;
    const colour = (name: string) => cssColour(target, name);
    const axisFont = `11px ${getComputedStyle(target).fontFamily}`;
    const tick = periodFormat(timeline.unit, language, true);
    const count = new Intl.NumberFormat(language, { notation: 'compact' });
    const period = PERIOD_SECONDS[timeline.unit];
    const plot = new uPlot(
      {
        width: target.clientWidth,
        height: target.clientHeight,
        padding: [4, 8, 0, 0],
        legend: { show: false },
        cursor: {
          y: false,
          drag: { x: false, y: false, setScale: false },
          points: { show: false },
        },
        // Half a period of room either side, so the first and last bars are whole.
        scales: { x: { time: true, range: (_, min, max) => [min - period / 2, max + period / 2] } },
        axes: [
          {
            stroke: colour('--muted'),
            font: axisFont,
            size: 18,
            gap: 2,
            ticks: { show: false },
            grid: { show: false },
            // Labels on period starts only, as many as fit.
            splits: (u) => {
              const starts = Array.from(u.data[0]);
              const room = Math.max(1, Math.floor(u.bbox.width / devicePixelRatio / 64));
              const step = Math.ceil(starts.length / room);
              return starts.filter((_, i) => i % step === 0);
            },
            values: (_, splits) => splits.map((s) => tick.format(s * 1000)),
          },
          {
            stroke: colour('--muted'),
            font: axisFont,
            size: 36,
            gap: 4,
            ticks: { show: false },
            grid: { stroke: colour('--border'), width: 1 },
            values: (_, splits) => splits.map((s) => count.format(s)),
          },
        ],
        series: [
          {},
          ...SERIES.map((name, index) => ({
            label: name,
            fill: colour(`--${name}`),
            stroke: colour(`--${name}`),
            width: 0,
            points: { show: false },
            paths: uPlot.paths.bars?.({ size: [0.45, 40], align: index === 0 ? -1 : 1 }),
          })),
        ],
        hooks: { setCursor: [(u) => setHovered(u.cursor.idx ?? null)] },
      },
      [timeline.starts.map((ms) => ms / 1000), timeline.attached, timeline.activated],
      target,
    );
    const resize = new ResizeObserver(() =>
      plot.setSize({ width: target.clientWidth, height: target.clientHeight }),
    );
    resize.observe(target);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [timeline, scheme, language]);

  const empty = timeline !== null && timeline.starts.length === 0;
  const total = (series: readonly number[]) => series.reduce((sum, n) => sum + n, 0);
  const at = hovered !== null && timeline !== null && hovered < timeline.starts.length ? hovered : null;
  const shown =
    timeline === null
      ? null
      : at === null
        ? { attached: total(timeline.attached), activated: total(timeline.activated) }
        : { attached: timeline.attached[at] ?? 0, activated: timeline.activated[at] ?? 0 };
  const summary =
    timeline === null || empty
      ? ''
      : t('insights.timelineSummary', {
          unit: t(`insights.per_${unit}`),
          from: dateOf.format(timeline.starts[0]),
          to: dateOf.format(timeline.starts.at(-1)),
          attached: number.format(total(timeline.attached)),
          activated: number.format(total(timeline.activated)),
        });

  return (
    <div className="insight timeline-insight">
      <div className="timeline-head">
        <h3>{t('insights.overTime', { unit: t(`insights.per_${unit}`) })}</h3>
        {/* The figures double as the key: each series' colour beside its count. */}
        {shown !== null && !empty && (
          <span className="timeline-figures" aria-hidden="true">
            {at !== null && timeline !== null && <span>{periodName(timeline.starts[at])}:</span>}
            {SERIES.map((name) => (
              <span key={name}>
                <span className={`swatch swatch-${name}`} />
                {t(`insights.${name}Count`, { count: shown[name], formatted: number.format(shown[name]) })}
              </span>
            ))}
            {at === null && <span className="muted">{t('insights.inAll')}</span>}
          </span>
        )}
      </div>
      {empty ? (
        <p className="timeline-empty muted">{t('insights.noEvents')}</p>
      ) : (
        <div className="timeline-chart" ref={box} role="img" aria-label={summary} />
      )}
    </div>
  );
}

/** A CSS colour variable as the canvas needs it: resolved for the theme in force, as rgb(). */
function cssColour(host: HTMLElement, variable: string): string {
  const probe = document.createElement('span');
  probe.style.color = `var(${variable})`;
  host.append(probe);
  const resolved = getComputedStyle(probe).color;
  probe.remove();
  return resolved;
}

/** How a period is named: a day, the Monday a week starts on, a month; shorter on the axis. */
function periodFormat(unit: CodeTimeline['unit'], language: string, short = false): Intl.DateTimeFormat {
  if (unit === 'month')
    return new Intl.DateTimeFormat(language, { month: short ? 'short' : 'long', year: 'numeric' });
  return new Intl.DateTimeFormat(
    language,
    short ? { day: 'numeric', month: 'short' } : { day: 'numeric', month: 'short', year: 'numeric' },
  );
}
