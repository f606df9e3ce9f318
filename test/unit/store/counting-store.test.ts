import { countingStore } from '../../helpers/counting-store';
import { makeDocStore, type TestStore } from '../../helpers/stores';

describe('countingStore', () => {
  let s: TestStore;
  beforeAll(async () => {
    s = await makeDocStore('sqlite');
  });
  afterAll(async () => s.cleanup());

  it('counts each DocStore call by method and passes results through', async () => {
    const c = countingStore(s.db);
    await c.store.insert({ pk: 'p1', id: 'a', kind: 'case', body: { n: 1 } });
    const got = await c.store.get<{ n: number }>('p1', 'a');
    await c.store.get('p1', 'missing');
    expect(got?.body.n).toBe(1);
    expect(c.take()).toEqual({ insert: 1, get: 2 });
    expect(c.total()).toBe(0);
    await c.store.listPartition('p1', 'case');
    expect(c.counts()).toEqual({ listPartition: 1 });
  });
});
