import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';
import { useSessionUser } from '../auth/useSessionUser';
import { HomeComplianceCard } from '../development-plans/HomeComplianceCard';
import { HomeDueCard } from '../feedback/HomeDueCard';
import { teamsQuery } from '../teams/queries';
import { HomeTileIcon } from './HomeIcons';
import { type HomeCard, type HomeTile, homePlanFor } from './home';
import classes from './home.module.css';

const cards: Record<HomeCard, () => ReactNode> = {
  feedbackDue: HomeDueCard,
  popCompliance: HomeComplianceCard,
};

/** The staff start page: what this role does now, and the screens it needs most (web/features/shell/home.ts). */
export function HomePage() {
  const { t } = useTranslation();
  const user = useSessionUser();
  const plan = homePlanFor(user.role);
  return (
    <Stack gap="lg">
      <div>
        <PageTitle>{t('home.title', { name: user.name })}</PageTitle>
        {plan.intro && <Text size="lg">{t(plan.intro)}</Text>}
      </div>
      {plan.primary && <TileLink tile={plan.primary} primary />}
      {plan.cards.length > 0 && (
        <SimpleGrid cols={{ base: 1, md: plan.cards.length }} spacing="md">
          {plan.cards.map((card) => {
            const Card = cards[card];
            return <Card key={card} />;
          })}
        </SimpleGrid>
      )}
      {plan.links.length > 0 && (
        <section aria-labelledby="home-links">
          <Title order={2} size="h4" id="home-links" mb="sm">
            {t('home.links')}
          </Title>
          <SimpleGrid component="ul" cols={{ base: 1, sm: 2 }} spacing="sm" className={classes.list}>
            {plan.links.map((tile) =>
              tile.perLedTeam ? (
                <IluoTiles key={tile.to} tile={tile} />
              ) : (
                <li key={tile.to}>
                  <TileLink tile={tile} />
                </li>
              ),
            )}
          </SimpleGrid>
        </section>
      )}
    </Stack>
  );
}

/**
 * The ILUO matrix of each team the user leads, that team already chosen (?ploeg=). Until the teams are known, or if
 * they lead none, the one general tile: the matrix page then starts on the first team.
 */
function IluoTiles({ tile }: { tile: HomeTile }) {
  const user = useSessionUser();
  const teams = useQuery(teamsQuery(false));
  const led = (teams.data?.items ?? []).filter((team) => team.supervisors.some((s) => s.id === user.id));
  if (led.length === 0) {
    return (
      <li>
        <TileLink tile={tile} />
      </li>
    );
  }
  return led.map((team) => (
    <li key={team.id}>
      <TileLink tile={tile} team={team} />
    </li>
  ));
}

interface TileLinkProps {
  tile: HomeTile;
  /** The team whose ILUO matrix opens (?ploeg=), with the team's name as the title. */
  team?: { id: string; name: string };
  primary?: boolean;
}

/** One big link: pictogram, title and a sentence, the whole box clickable and reachable by Tab. */
function TileLink({ tile, team, primary }: TileLinkProps) {
  const { t } = useTranslation();
  const className = primary ? `${classes.tile} ${classes.primary}` : classes.tile;
  const content = (
    <>
      <span className={classes.icon}>
        <HomeTileIcon icon={tile.icon} />
      </span>
      <span>
        <Text component="span" display="block" fw={700} size={primary ? 'xl' : 'lg'} className="break-anywhere">
          {team ? t('home.tiles.iluoTeam', { team: team.name }) : t(tile.title)}
        </Text>{' '}
        <Text component="span" display="block" size="sm" c={primary ? undefined : 'dimmed'}>
          {t(tile.text)}
        </Text>
      </span>
    </>
  );
  return team ? (
    <Link to="/iluo" search={{ ploeg: team.id }} className={className}>
      {content}
    </Link>
  ) : (
    <Link to={tile.to} className={className}>
      {content}
    </Link>
  );
}
