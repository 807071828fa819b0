import { Text, VisuallyHidden } from '@mantine/core';
import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IluoMatrix, IluoPerson, MatrixSkill } from '#shared/iluo';
import { FlagIcon } from './FlagIcon';
import { IluoIcon } from './IluoIcon';
import { levelName } from './words';

export interface CellChoice {
  skill: MatrixSkill;
  person: IluoPerson;
}

interface Props {
  matrix: IluoMatrix;
  onOpen: (choice: CellChoice) => void;
}

/**
 * People × skills, grouped. Each cell is a button that opens the level dialog. Only one cell is in the tab order
 * (a roving tabindex): the arrow keys, Home and End move between cells, so a keyboard user does not tab through
 * hundreds of cells. The table scrolls inside its own box, with the names fixed on the left.
 */
export function MatrixTable({ matrix, onOpen }: Props) {
  const { t } = useTranslation();
  const captionId = useId();
  const hintId = useId();
  const skills = matrix.groups.flatMap((g) => g.skills);
  const [active, setActive] = useState({ row: 0, col: 0 });
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const withGroups = matrix.groups.some((g) => g.name !== '');
  const rows = matrix.people.length;
  const cols = skills.length;
  // The roving cell stays inside the table when people or skills disappear.
  const current = { row: Math.min(active.row, rows - 1), col: Math.min(active.col, cols - 1) };

  const move = (row: number, col: number) => {
    const next = { row: Math.max(0, Math.min(rows - 1, row)), col: Math.max(0, Math.min(cols - 1, col)) };
    setActive(next);
    buttons.current.get(`${next.row}:${next.col}`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent, row: number, col: number) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [row - 1, col],
      ArrowDown: [row + 1, col],
      ArrowLeft: [row, col - 1],
      ArrowRight: [row, col + 1],
      Home: [row, 0],
      End: [row, cols - 1],
    };
    const target = moves[event.key];
    if (!target) return;
    event.preventDefault();
    move(...target);
  };

  return (
    <>
      <Text size="sm" id={hintId}>
        {t('iluo.matrix.cellHint')}
      </Text>
      {/* The table scrolls inside this box; the page itself never scrolls sideways. Moving between cells with the
          arrow keys scrolls the focused cell into view. */}
      <section className="iluo-scroll" aria-labelledby={captionId}>
        <table className="iluo-table" aria-describedby={hintId}>
          <caption id={captionId} className="iluo-caption">
            {t('iluo.matrix.caption', { team: matrix.team.name })}
          </caption>
          <thead>
            {withGroups && (
              <tr>
                <td className="iluo-name" />
                {/* Skills without a group have no heading above them: an empty cell, not an empty header. */}
                {matrix.groups.map((group) =>
                  group.name ? (
                    <th key={group.name} scope="colgroup" colSpan={group.skills.length} className="iluo-group">
                      {group.name}
                    </th>
                  ) : (
                    <td key={group.skills[0]?.id ?? 'none'} colSpan={group.skills.length} />
                  ),
                )}
              </tr>
            )}
            <tr>
              <th scope="col" className="iluo-name iluo-name-head">
                {t('iluo.matrix.person')}
              </th>
              {skills.map((skill) => (
                <th key={skill.id} scope="col" className={`iluo-skill${skill.critical ? ' iluo-critical' : ''}`}>
                  <span className="iluo-skill-name" title={skill.name}>
                    {skill.name}
                  </span>
                  {skill.critical && (
                    <span className="iluo-critical-mark">
                      <span aria-hidden="true">!</span>
                      <VisuallyHidden>{t('iluo.matrix.critical')}</VisuallyHidden>
                    </span>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.people.map((person, row) => (
              <tr key={person.id}>
                <th scope="row" className="iluo-name">
                  {person.name}
                  {person.kind === 'staff' && <span className="iluo-staff"> ({t('iluo.matrix.staff')})</span>}
                </th>
                {skills.map((skill, col) => {
                  const cell = matrix.levels[row]?.[col] ?? null;
                  const level = cell ? levelName(t, cell.level, matrix.labels) : t('iluo.matrix.noLevel');
                  const isActive = current.row === row && current.col === col;
                  return (
                    <td key={skill.id} className={skill.critical ? 'iluo-critical' : undefined}>
                      <button
                        type="button"
                        className="iluo-cell-button"
                        tabIndex={isActive ? 0 : -1}
                        aria-label={t('iluo.matrix.cell', { person: person.name, skill: skill.name, level })}
                        ref={(element) => {
                          if (element) buttons.current.set(`${row}:${col}`, element);
                          else buttons.current.delete(`${row}:${col}`);
                        }}
                        onFocus={() => setActive({ row, col })}
                        onKeyDown={(event) => onKeyDown(event, row, col)}
                        onClick={() => onOpen({ skill, person })}
                      >
                        {cell ? (
                          <IluoIcon level={cell.level} size={28} />
                        ) : (
                          <span className="iluo-empty" aria-hidden="true" />
                        )}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" className="iluo-name">
                {t('iluo.matrix.coverage')}
              </th>
              {skills.map((skill) => (
                <td
                  key={skill.id}
                  className={`iluo-coverage${skill.flag ? ` iluo-flag-${skill.flag}` : ''}${skill.critical ? ' iluo-critical' : ''}`}
                >
                  <span aria-hidden="true">{skill.coverage}</span>
                  <VisuallyHidden>{t('iluo.matrix.coverageCell', { count: skill.coverage })}</VisuallyHidden>
                  {skill.flag && <FlagIcon flag={skill.flag} label={t(`iluo.flags.${skill.flag}`)} />}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </section>
    </>
  );
}
