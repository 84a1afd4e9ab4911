// Leave-last-out (src/core/recommend/leaveLastOut.ts) hides each user's last pick, and only that.
import { describe, expect, it } from 'vitest';
import { generateShop } from '../../src/core/recommend/shopModel';
import { leaveLastOut } from '../../src/core/recommend/leaveLastOut';

describe('leave-last-out', () => {
  it('holds out the last pick of each user\'s last session, and only that', () => {
    const shop = generateShop({ seed: 2, sessions: 200 });
    const { train, cases } = leaveLastOut(shop);
    expect(cases).toHaveLength(shop.users.length);
    expect(train).toHaveLength(shop.sessions.length);
    const trainPicks = train.reduce((s, t) => s + t.length, 0);
    expect(trainPicks).toBe(shop.sessions.reduce((s, t) => s + t.items.length, 0) - cases.length);
    for (const c of cases) {
      const last = shop.sessions.map((s, i) => ({ s, i })).filter(({ s }) => s.user === c.user).pop()!;
      expect([...c.history, c.target]).toEqual(last.s.items);
      expect(train[last.i]).toEqual(c.history);
    }
  });
});
