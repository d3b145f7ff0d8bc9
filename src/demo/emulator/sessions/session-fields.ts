import type { Static } from '@sinclair/typebox';
import type { ClientSessionUpdateApiRequest } from '../../../service/primer/schema/client-session-request';

// What the emulator keeps of a session: everything a POST or PATCH may set, the token aside.
export type SessionFields = Omit<Static<typeof ClientSessionUpdateApiRequest>, 'clientToken'>;
