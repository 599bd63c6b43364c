import type { components } from '../lib/api-types';

type Schemas = components['schemas'];
export type TicketListItem = Schemas['TicketListItem'];
export type Ticket = Schemas['Ticket'];
export type TicketDetail = Schemas['TicketDetail'];
export type TicketMessage = Schemas['TicketMessage'];
export type CannedReply = Schemas['CannedReply'];
export type TicketStatus = Ticket['status'];
