import { Box, Button, Table } from '@mantine/core';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './charts.module.css';

/**
 * "Toon als tabel": the same numbers as the chart beside it, for screen readers, keyboard users and print. A
 * disclosure button (aria-expanded tells whether it is open); folded away on screen until asked for, always printed.
 */
export function TableToggle({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div>
      <Button variant="light" size="xs" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {open ? t('competencyProfile.table.hide') : t('competencyProfile.table.show')}
      </Button>
      <div id={id} className={open ? undefined : classes.folded}>
        {children}
      </div>
    </div>
  );
}

/** A table that scrolls sideways inside its own focusable box when it is wider than the screen. */
export function ScrollTable({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <Box role="region" aria-label={caption} tabIndex={0} className={classes.scroller} mt="xs">
      <Table striped withTableBorder verticalSpacing={6} horizontalSpacing="sm">
        <caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 700, paddingBottom: 4 }}>
          {caption}
        </caption>
        {children}
      </Table>
    </Box>
  );
}
