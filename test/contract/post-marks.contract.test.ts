/**
 * Post markers (src/store/post-marks.ts): a post's marker is one write when no earlier attempt left
 * one; a retry gets the earlier marker back and its own replaces it.
 */
import { PostMarks } from '../../src/store/post-marks';
import { countingStore } from '../helpers/counting-store';
import { storeKinds, useDocStore } from '../helpers/stores';

describe.each(storeKinds)('post markers (%s)', (kind) => {
  const store = useDocStore(kind);

  it('begin: one write when there is no earlier marker; the earlier one is returned and replaced otherwise', async () => {
    const counter = countingStore(store().db);
    const marks = new PostMarks(counter.store);

    expect(await marks.begin('ch|case:1', '2026-11-30T10:00:00.000Z')).toBeNull();
    expect(counter.take()).toEqual({ insert: 1 });
    expect(await marks.peek('ch|case:1')).toEqual({ key: 'ch|case:1', startedAt: '2026-11-30T10:00:00.000Z' });

    counter.reset();
    expect(await marks.begin('ch|case:1', '2026-11-30T10:05:00.000Z')).toEqual({ key: 'ch|case:1', startedAt: '2026-11-30T10:00:00.000Z' });
    expect(await marks.peek('ch|case:1')).toEqual({ key: 'ch|case:1', startedAt: '2026-11-30T10:05:00.000Z' });

    const posted = {
      conversationId: 'ch;messageid=1',
      activityId: '1',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      postedAt: '2026-11-30T10:05:01.000Z',
    };
    await marks.settle('ch|case:1', posted);
    expect(await marks.begin('ch|case:1', '2026-11-30T10:06:00.000Z')).toMatchObject({ posted });
    await marks.end('ch|case:1');
    expect(await marks.peek('ch|case:1')).toBeNull();
    expect(await marks.begin('ch|case:1', '2026-11-30T10:07:00.000Z')).toBeNull();
  });
});
