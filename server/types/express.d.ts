// The logged-in user, set by the authenticate middleware.
import type { SessionUser } from '../auth/roles';

declare global {
  namespace Express {
    interface Request {
      user?: SessionUser;
      sessionToken?: string;
    }
  }
}
export {};
