import type { sensitiveCountsNl } from './messages.nl';

export const sensitiveCountsEn: typeof sensitiveCountsNl = {
  nav: 'Sensitive data in numbers',
  title: 'Sensitive data in numbers',
  noNames:
    'You only see numbers here. You never see names or what action plans and instruments say. That keeps them private.',
  withPap: 'Participants with an action plan',
  breakGlass: 'Times someone opened through the emergency procedure (last 90 days)',
  domains: {
    title: 'Life domains by status',
    caption: 'Number of life domains by status',
    domain: 'Life domain',
    empty: 'No life domains have been filled in yet.',
  },
  statuses: {
    not_discussed: 'Not discussed yet',
    no_concern: 'No concern',
    attention: 'Needs attention',
    hindering: 'Stands in the way',
  },
  instruments: {
    title: 'Results per instrument',
    caption: 'Number of results per instrument',
    name: 'Instrument',
    total: 'Total',
    lastYear: 'Last 12 months',
    empty: 'There are no results yet.',
  },
};
