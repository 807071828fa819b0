import { Box, Button, FocusTrap, Group, List, Text, Title } from '@mantine/core';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanContent, PlanEvidence } from '#shared/development-plans';
import { formatDate } from '../participants/dates';
import { competencyName, namesFrom, skillName } from './words';

export interface PlanPresentationProps {
  /** Whose POP: shown on every slide and in the name of the presentation. */
  name: string;
  content: PlanContent;
  /** The scores the version refers to (for the names of competencies and skills). */
  evidence: PlanEvidence | null;
  /** Escape or "Stoppen": back to where the presentation was opened. */
  onExit: () => void;
}

interface Slide {
  title: string;
  body: ReactNode;
}

const big = { fontSize: 'clamp(1.5rem, 4.5vw, 2.75rem)', lineHeight: 1.35 } as const;

/** One slide per part of the POP, in the order the participant tells it. */
function useSlides(content: PlanContent, evidence: PlanEvidence | null): Slide[] {
  const { t } = useTranslation();
  const names = namesFrom(evidence);
  const empty = (
    <Text style={big} c="dimmed">
      {t('developmentPlans.view.empty')}
    </Text>
  );
  const words = (text: string) =>
    text ? (
      <Text style={{ ...big, whiteSpace: 'pre-wrap' }} className="break-anywhere">
        {text}
      </Text>
    ) : (
      empty
    );
  const items = (lines: string[]) =>
    lines.length === 0 ? (
      empty
    ) : (
      <List style={big} spacing="sm">
        {lines.map((line, i) => (
          // Lines may repeat (two skills with one name); their place is their identity on a slide.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <List.Item key={i} style={big} className="break-anywhere">
            {line}
          </List.Item>
        ))}
      </List>
    );
  const { competencies: c } = content;
  return [
    { title: t('developmentPlans.sections.summary'), body: words(content.summary) },
    {
      title: t('developmentPlans.sections.jobTarget'),
      body: (
        <>
          {words(content.jobTarget)}
          {content.escoOccupation && (
            <Text style={big} mt="md" fw={700}>
              {content.escoOccupation.label}
            </Text>
          )}
        </>
      ),
    },
    { title: t('developmentPlans.sections.dreams'), body: words(content.dreams) },
    {
      title: t('developmentPlans.sections.workMode'),
      body: content.workMode ? (
        <>
          <Text style={big} fw={700}>
            {t(`competencies.workModes.${content.workMode}`)}
          </Text>
          {content.workModeReason && words(content.workModeReason)}
        </>
      ) : (
        words(content.workModeReason)
      ),
    },
    {
      title: t('developmentPlans.sections.current'),
      body: items([
        ...c.genericCurrent.map((k) => competencyName(t, names, k)),
        ...c.technicalCurrent.map((id) => skillName(t, names, id)),
      ]),
    },
    {
      title: t('developmentPlans.sections.future'),
      body: items([
        ...c.genericFuture.map((k) => competencyName(t, names, k)),
        ...c.technicalFuture.map((id) => skillName(t, names, id)),
      ]),
    },
    {
      title: t('developmentPlans.sections.goals'),
      body: items(
        content.goals.map((g) => `${g.what} — ${t('developmentPlans.view.goalBy', { date: formatDate(g.dueDate) })}`),
      ),
    },
    {
      title: t('developmentPlans.sections.actions'),
      body: items(
        content.actions.map(
          (a) =>
            `${a.what} — ${t('developmentPlans.view.actionLine', {
              who: a.ownerName || t(`developmentPlans.owners.${a.owner}`),
              date: formatDate(a.dueDate),
            })}`,
        ),
      ),
    },
    { title: t('developmentPlans.sections.support'), body: words(content.support) },
  ];
}

/**
 * The presentation mode of a POP: the whole window, very big type, one part per slide. Arrows, space, Page Up/Down,
 * Home and End move; Escape leaves. "Volledig scherm" asks the browser for full screen, and everything works without.
 * Used by the staff route (/deelnemers/$id/pop/presentatie) and by the participant's portal.
 */
export function PlanPresentation({ name, content, evidence, onExit }: PlanPresentationProps) {
  const { t } = useTranslation();
  const slides = useSlides(content, evidence);
  const [index, setIndex] = useState(0);
  const [fullscreen, setFullscreen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const total = slides.length;
  const go = useCallback((to: number) => setIndex(Math.max(0, Math.min(total - 1, to))), [total]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      const onButton = Boolean(target?.closest('button, a'));
      switch (event.key) {
        case 'ArrowRight':
        case 'ArrowDown':
        case 'PageDown':
          event.preventDefault();
          setIndex((i) => Math.min(total - 1, i + 1));
          break;
        case ' ':
          // On a button, space presses that button.
          if (onButton) return;
          event.preventDefault();
          setIndex((i) => Math.min(total - 1, i + 1));
          break;
        case 'ArrowLeft':
        case 'ArrowUp':
        case 'PageUp':
          event.preventDefault();
          setIndex((i) => Math.max(0, i - 1));
          break;
        case 'Home':
          event.preventDefault();
          setIndex(0);
          break;
        case 'End':
          event.preventDefault();
          setIndex(total - 1);
          break;
        case 'Escape':
          // In full screen the browser takes the first Escape to leave full screen.
          if (document.fullscreenElement) return;
          event.preventDefault();
          onExit();
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [total, onExit]);

  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, []);

  const canFullscreen = typeof document !== 'undefined' && document.fullscreenEnabled === true;
  const toggleFullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void root.current?.requestFullscreen().catch(() => undefined);
  };
  const slide = slides[index] ?? slides[0];
  const label = t('developmentPlans.presentation.label', { name });

  return (
    <FocusTrap active>
      <Box
        ref={root}
        role="dialog"
        aria-modal="true"
        aria-label={label}
        style={{
          position: 'fixed',
          inset: 0,
          zIndex: 300,
          background: 'var(--mantine-color-body)',
          display: 'flex',
          flexDirection: 'column',
          overflow: 'auto',
        }}
      >
        <Group justify="space-between" gap="xs" p="sm" wrap="wrap">
          <Text fw={700} className="break-anywhere">
            {name}
          </Text>
          <Group gap="xs">
            {canFullscreen && (
              <Button variant="default" size="sm" onClick={toggleFullscreen}>
                {fullscreen
                  ? t('developmentPlans.presentation.leaveFullscreen')
                  : t('developmentPlans.presentation.fullscreen')}
              </Button>
            )}
            <Button variant="default" size="sm" onClick={onExit}>
              {t('developmentPlans.presentation.leave')}
            </Button>
          </Group>
        </Group>
        <Box
          component="section"
          aria-roledescription={t('developmentPlans.presentation.slideLabel')}
          aria-label={slide?.title}
          px={{ base: 'md', sm: 'xl' }}
          py="md"
          style={{ flex: 1, maxWidth: '70rem', width: '100%', margin: '0 auto' }}
        >
          <Title
            order={1}
            mb="lg"
            style={{ fontSize: 'clamp(2rem, 7vw, 4.5rem)', lineHeight: 1.15 }}
            className="break-anywhere"
          >
            {slide?.title}
          </Title>
          {slide?.body}
        </Box>
        <Group justify="space-between" gap="xs" p="sm" wrap="nowrap">
          {/* Never disabled: a disabled button would drop the focus out of the presentation. */}
          <Button
            size="lg"
            variant="default"
            onClick={() => go(index - 1)}
            data-disabled={index === 0 || undefined}
            aria-disabled={index === 0}
          >
            {t('developmentPlans.presentation.previous')}
          </Button>
          <Text aria-live="polite" aria-atomic="true" fw={700} ta="center">
            {t('developmentPlans.presentation.counter', { current: index + 1, total })}
          </Text>
          <Button
            size="lg"
            onClick={() => go(index + 1)}
            data-disabled={index === total - 1 || undefined}
            aria-disabled={index === total - 1}
            data-autofocus
          >
            {t('developmentPlans.presentation.next')}
          </Button>
        </Group>
        <Text size="sm" ta="center" pb="sm" c="dimmed" visibleFrom="sm">
          {t('developmentPlans.presentation.keys')}
        </Text>
      </Box>
    </FocusTrap>
  );
}
