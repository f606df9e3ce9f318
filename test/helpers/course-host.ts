import { USERS } from './fixtures';
import { greetAllUsers, startTestHost, type TestHost } from './host';
import { openPersonalChats } from './personal-chat';

/**
 * A test host for a case's course after intake (verdieping, the decision, the Actieoverleg, closing):
 * started as startTestHost does, the bot added to the location channel with every test user in it
 * (greetAllUsers), then a personal chat with each of `personal` (the users a card or reminder reaches 1:1).
 */
export async function startCourseHost(
  opts: NonNullable<Parameters<typeof startTestHost>[0]> & { personal: readonly string[] },
): Promise<TestHost> {
  const { personal, ...hostOpts } = opts;
  const t = await startTestHost(hostOpts);
  await greetAllUsers(t, Object.values(USERS));
  await openPersonalChats(t, personal);
  return t;
}
