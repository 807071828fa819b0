import type { PlanContent } from '#shared/development-plans';
import type {
  careerEvents,
  competencies,
  competencyFrameworks,
  competencyFrameworkVersions,
  consents,
  developmentPlanActionProgress,
  developmentPlanGoalNotes,
  developmentPlanPresentations,
  developmentPlanProposals,
  developmentPlanSettings,
  developmentPlanVersions,
  feedbackConversations,
  feedbackRules,
  indications,
  jobProfileExpectations,
  jobProfiles,
  latestRatings,
  mentorInvitations,
  observations,
  organisations,
  participantCoaches,
  participantJobProfiles,
  participants,
  ratings,
  referrers,
  sites,
  skillLevels,
  skillLevelsCurrent,
  skills,
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

export type FrameworkRecord = Row<typeof competencyFrameworks> & { organisationId: string };
export type FrameworkVersionRecord = Row<typeof competencyFrameworkVersions> & { createdAt: Date };
export type CompetencyRecord = Row<typeof competencies>;
export type JobProfileRecord = Row<typeof jobProfiles>;
export type JobProfileExpectationRecord = typeof jobProfileExpectations.$inferInsert;
export type ParticipantJobProfileRecord = typeof participantJobProfiles.$inferInsert;
export type FeedbackRuleRecord = Row<typeof feedbackRules>;
export type SkillRecord = Row<typeof skills>;

export type MentorInvitationRecord = Row<typeof mentorInvitations>;
export type ObservationRecord = Row<typeof observations> & { createdAt: Date };
export type RatingRecord = typeof ratings.$inferInsert;
export type LatestRatingRecord = typeof latestRatings.$inferInsert;
export type FeedbackConversationRecord = Row<typeof feedbackConversations>;
export type SkillLevelRecord = Row<typeof skillLevels> & { createdAt: Date };
export type SkillLevelCurrentRecord = typeof skillLevelsCurrent.$inferInsert;

/** The POP (issue 5): the organisation's regime, and per participant the versions and their follow-up. */
export type PlanSettingsRecord = typeof developmentPlanSettings.$inferInsert;
export type PlanVersionRecord = Row<typeof developmentPlanVersions> & {
  createdAt: Date;
  updatedAt: Date;
  content: PlanContent;
};
export type PlanActionProgressRecord = typeof developmentPlanActionProgress.$inferInsert;
export type PlanGoalNoteRecord = Row<typeof developmentPlanGoalNotes>;
export type PlanProposalRecord = Row<typeof developmentPlanProposals> & { createdAt: Date };
export type PlanPresentationRecord = Row<typeof developmentPlanPresentations>;

/** Everything that stays small at any scale: held in memory whole, and loaded table by table. */
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
  competencyFrameworks: FrameworkRecord[];
  competencyFrameworkVersions: FrameworkVersionRecord[];
  competencies: CompetencyRecord[];
  jobProfiles: JobProfileRecord[];
  jobProfileExpectations: JobProfileExpectationRecord[];
  participantJobProfiles: ParticipantJobProfileRecord[];
  feedbackRules: FeedbackRuleRecord[];
  skills: SkillRecord[];
  developmentPlanSettings: PlanSettingsRecord[];
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
  competencyFrameworks: [],
  competencyFrameworkVersions: [],
  competencies: [],
  jobProfiles: [],
  jobProfileExpectations: [],
  participantJobProfiles: [],
  feedbackRules: [],
  skills: [],
  developmentPlanSettings: [],
});

/**
 * The rows that grow with the history (about 10 million ratings at umbrella scale): never held whole, but made
 * on demand for a batch of participants at a time, in the order their foreign keys need.
 */
export interface BulkRows {
  mentorInvitations: MentorInvitationRecord[];
  observations: ObservationRecord[];
  ratings: RatingRecord[];
  latestRatings: LatestRatingRecord[];
  feedbackConversations: FeedbackConversationRecord[];
  skillLevels: SkillLevelRecord[];
  skillLevelsCurrent: SkillLevelCurrentRecord[];
  developmentPlanVersions: PlanVersionRecord[];
  developmentPlanActionProgress: PlanActionProgressRecord[];
  developmentPlanGoalNotes: PlanGoalNoteRecord[];
  developmentPlanProposals: PlanProposalRecord[];
  developmentPlanPresentations: PlanPresentationRecord[];
}

export const bulkTables = [
  'mentorInvitations',
  'observations',
  'ratings',
  'latestRatings',
  'feedbackConversations',
  'skillLevels',
  'skillLevelsCurrent',
  'developmentPlanVersions',
  'developmentPlanActionProgress',
  'developmentPlanGoalNotes',
  'developmentPlanProposals',
  'developmentPlanPresentations',
] as const satisfies readonly (keyof BulkRows)[];

export const emptyBulk = (): BulkRows => ({
  mentorInvitations: [],
  observations: [],
  ratings: [],
  latestRatings: [],
  feedbackConversations: [],
  skillLevels: [],
  skillLevelsCurrent: [],
  developmentPlanVersions: [],
  developmentPlanActionProgress: [],
  developmentPlanGoalNotes: [],
  developmentPlanProposals: [],
  developmentPlanPresentations: [],
});
