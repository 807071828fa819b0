import type {
  careerEvents,
  consents,
  indications,
  organisations,
  participantCoaches,
  participants,
  referrers,
  sites,
  stakeholders,
  teamSupervisors,
  teams,
  user,
} from '../../server/db/schema';

/**
 * Generated records are plain rows in the tables' own insert shapes (drizzle's $inferInsert): the schema is the
 * contract, so a column added to a table shows up here as a type error instead of a silent gap.
 * Ids are set by the generators (stableId), never left to the database, so the data set is complete before loading.
 */
type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'] & { id: string };

export type OrganisationRecord = Row<typeof organisations>;
export type SiteRecord = Row<typeof sites> & { organisationId: string };
export type TeamRecord = Row<typeof teams> & { organisationId: string };
/** A login; the loader adds the credential account with the one shared password hash. */
export type UserRecord = typeof user.$inferInsert & { organisationId: string };
export type TeamSupervisorRecord = typeof teamSupervisors.$inferInsert;
export type ReferrerRecord = Row<typeof referrers> & { organisationId: string };
export type ParticipantRecord = Row<typeof participants> & { organisationId: string };
export type ParticipantCoachRecord = typeof participantCoaches.$inferInsert;
export type IndicationRecord = Row<typeof indications>;
export type StakeholderRecord = Row<typeof stakeholders>;
export type ConsentRecord = Row<typeof consents>;
/** seq is the database's identity column: events are inserted in timeline order, so seq follows it. */
export type CareerEventRecord = Row<typeof careerEvents>;

export interface Dataset {
  organisations: OrganisationRecord[];
  sites: SiteRecord[];
  teams: TeamRecord[];
  users: UserRecord[];
  teamSupervisors: TeamSupervisorRecord[];
  referrers: ReferrerRecord[];
  participants: ParticipantRecord[];
  participantCoaches: ParticipantCoachRecord[];
  indications: IndicationRecord[];
  stakeholders: StakeholderRecord[];
  consents: ConsentRecord[];
  careerEvents: CareerEventRecord[];
}

export const emptyDataset = (): Dataset => ({
  organisations: [],
  sites: [],
  teams: [],
  users: [],
  teamSupervisors: [],
  referrers: [],
  participants: [],
  participantCoaches: [],
  indications: [],
  stakeholders: [],
  consents: [],
  careerEvents: [],
});
