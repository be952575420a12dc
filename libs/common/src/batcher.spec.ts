import { MicroBatcher } from './batcher';

describe('MicroBatcher', () => {
  it('runs the calls of one event-loop turn as one batch, answering each caller its own result', async () => {
    const batches: number[][] = [];
    const b = new MicroBatcher<number, number>((items) => {
      batches.push(items);
      return Promise.resolve(items.map((i) => i * 10));
    });
    const first = await Promise.all([1, 2, 3].map((i) => b.submit(i)));
    const second = await b.submit(4);
    expect(first).toEqual([10, 20, 30]);
    expect(second).toBe(40);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('splits at the batch limit', async () => {
    const sizes: number[] = [];
    const b = new MicroBatcher<number, number>((items) => (sizes.push(items.length), Promise.resolve(items)), 2);
    await Promise.all([1, 2, 3, 4, 5].map((i) => b.submit(i)));
    expect(sizes).toEqual([2, 2, 1]);
  });

  it('rejects every caller of a failed batch, and a wrong-sized answer, without poisoning the next batch', async () => {
    let fail = true;
    const b = new MicroBatcher<number, number>((items) => {
      if (fail) return Promise.reject(new Error('db down'));
      return Promise.resolve(items.length > 1 ? [1] : items);
    });
    await expect(Promise.all([b.submit(1), b.submit(2)])).rejects.toThrow('db down');
    fail = false;
    await expect(Promise.all([b.submit(1), b.submit(2)])).rejects.toThrow(/answered 1 results/);
    await expect(b.submit(7)).resolves.toBe(7);
  });
});
