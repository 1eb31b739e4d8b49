import type { ServiceCase } from './case';
import type { ContactChannel } from './contact';
import type { IsoDateTime } from './dates';

/** Something that happened on a case: a contact about it, or a note on it. */
export interface CaseEvent {
  id: string;
  at: IsoDateTime;
  kind: 'contact' | 'note';
  /** For a contact: how it came in or went out. */
  channel?: ContactChannel;
  summary: string;
  /** Who handled it, by staff id (names in `staffNames`); absent for notes. */
  staffId?: string;
}

/** A case in full, as the 360 view opens it: what was reported, and its story, newest first. */
export interface CaseHistory {
  case: ServiceCase & { description: string; location: string; postcode: string };
  events: CaseEvent[];
  staffNames: Record<string, string>;
}
