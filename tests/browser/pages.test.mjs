import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SHOTS, openBrowser, startServer } from './harness.mjs';

const Q = '人才';
const enc = encodeURIComponent;

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

async function api(path) {
  const r = await fetch(server.origin + path, { signal: AbortSignal.timeout(10_000) });
  assert.equal(r.status, 200, path);
  return r.json();
}

async function articleId(title) {
  const { hits } = await api(`/api/search?per_page=100`);
  const hit = hits.find((h) => h.title === title);
  assert.ok(hit, `no article titled ${title}`);
  return hit.id;
}

const texts = (locator) => locator.evaluateAll((els) => els.map((e) => e.textContent.trim()));
const summaryCount = async (page) => Number(await page.locator('.summary strong').textContent());
const facetLink = (page, name) => page.locator('aside.facets').getByRole('link', { name, exact: true }).first();
const facetCount = async (page, name) =>
  Number(await facetLink(page, name).locator('xpath=following-sibling::*[contains(@class, "count")][1]').textContent());

for (const width of [390, 1280]) {
  for (const js of [true, false]) {
    describe(`${width}px, JavaScript ${js ? 'on' : 'off'}`, () => {
      let browser;
      let page;
      before(async () => {
        browser = await openBrowser({ width, js, origin: server.origin });
        page = browser.page;
      });
      after(async () => {
        await browser?.close();
      });

      async function checkPage(name) {
        const facts = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
          lang: document.documentElement.getAttribute('lang'),
          mains: document.querySelectorAll('main').length,
          labels: document.getElementById('q')?.labels?.length ?? 0,
        }));
        assert.ok(facts.scrollWidth <= facts.innerWidth,
          `${name}: horizontal scrolling (${facts.scrollWidth} > ${facts.innerWidth})`);
        assert.equal(facts.lang, 'zh-CN', `${name}: <html lang>`);
        assert.equal(facts.mains, 1, `${name}: number of <main>`);
        assert.ok(facts.labels >= 1, `${name}: search input has no <label>`);
        assert.equal(await page.getByRole('searchbox', { name: '搜索' }).count(), 1, `${name}: labelled search box`);
        const file = `${name}-${width}${js ? '' : '-nojs'}.png`;
        await page.screenshot({ path: join(SHOTS, file), fullPage: true });
      }

      async function follow(action, urlPart) {
        const from = page.url();
        const click = typeof action === 'function' ? action() : action.click();
        await Promise.all([page.waitForURL((u) => u.href !== from && u.href.includes(urlPart)), click]);
      }

      test('home', async () => {
        const res = await page.goto('/');
        assert.equal(res.status(), 200);
        const { total, facets } = await api('/api/search');
        assert.ok(total >= 10, `only ${total} articles`);
        assert.equal(await page.locator('h1').textContent(), '各地人才政策，一处查阅');
        assert.match(await page.locator('.intro').textContent(), new RegExp(`档案共收录\\s*${total}\\s*篇`));
        const latest = page.locator('.latest .hits a.title');
        assert.ok((await latest.count()) >= 5);
        for (const href of await latest.evaluateAll((els) => els.map((e) => e.getAttribute('href')))) {
          assert.match(href, /^\/articles\/\w+$/);
        }
        const shanxi = facets.province.find((f) => f.value === '山西省');
        assert.equal(await facetCount(page, '山西省'), shanxi.count);
        await checkPage('home');
      });

      test('search from the box: count, highlights, UTF-8 in the URL', async () => {
        await page.goto('/');
        await page.getByRole('searchbox', { name: '搜索' }).fill(Q);
        await follow(page.getByRole('button', { name: '搜索' }), `q=${enc(Q)}`);
        assert.equal(new URL(page.url()).pathname, '/search');
        const expected = await api(`/api/search?q=${enc(Q)}`);
        assert.ok(expected.total > 0);
        assert.equal(await summaryCount(page), expected.total);
        assert.match(await page.locator('.summary').textContent(), new RegExp(`共\\s*${expected.total}\\s*条结果`));
        assert.deepEqual(await texts(page.locator('.hits a.title')), expected.hits.map((h) => h.title));
        const marks = await texts(page.locator('.hits .snippet mark'));
        assert.ok(marks.length >= expected.hits.length, `${marks.length} <mark>s`);
        assert.ok(marks.every((m) => m === Q), `marks: ${marks}`);
        assert.equal(await page.getByRole('searchbox', { name: '搜索' }).inputValue(), Q);
        assert.ok((await page.title()).startsWith(Q));
        await checkPage('search');
      });

      test('a Chinese query with a space survives form submission', async () => {
        const q = '阳泉 创新';
        await page.goto('/years/2023');
        const box = page.getByRole('searchbox', { name: '搜索' });
        await box.fill(q);
        await follow(() => box.press('Enter'), '/search?');
        assert.ok(page.url().includes('q=%E9%98%B3%E6%B3%89+%E5%88%9B%E6%96%B0'), page.url());
        assert.equal(await box.inputValue(), q);
        assert.ok((await page.title()).startsWith(q));
        const expected = await api(`/api/search?q=${enc(q)}`);
        assert.ok(expected.total > 0);
        assert.equal(await summaryCount(page), expected.total);
        await checkPage('search-phrase');
      });

      test('facet filters and removable chips', async () => {
        await page.goto(`/search?q=${enc(Q)}`);
        const all = await summaryCount(page);
        const inShanxi = await facetCount(page, '山西省');
        await follow(facetLink(page, '山西省'), `province=${enc('山西省')}`);
        assert.equal(await summaryCount(page), inShanxi);
        assert.deepEqual(await texts(page.locator('.chips a')), ['山西省 ×移除']);
        for (const meta of await texts(page.locator('.hits .meta'))) assert.ok(meta.includes('山西省'), meta);
        await checkPage('search-province');

        const inYangquan = await facetCount(page, '阳泉市');
        await follow(facetLink(page, '阳泉市'), `city=${enc('阳泉市')}`);
        assert.equal(await summaryCount(page), inYangquan);
        assert.equal(await page.locator('.chips a').count(), 2);
        for (const meta of await texts(page.locator('.hits .meta'))) assert.ok(meta.includes('阳泉市'), meta);
        await checkPage('search-city');

        await follow(page.locator('.chips a', { hasText: '阳泉市' }), `province=${enc('山西省')}`);
        assert.ok(!page.url().includes('city='), page.url());
        assert.equal(await summaryCount(page), inShanxi);
        await follow(page.locator('.chips a', { hasText: '山西省' }), `q=${enc(Q)}`);
        assert.ok(!page.url().includes('province='), page.url());
        assert.equal(await summaryCount(page), all);
        assert.equal(await page.locator('.chips').count(), 0);
        assert.equal(await page.getByRole('searchbox', { name: '搜索' }).inputValue(), Q);
      });

      test('sort by newest and oldest', async () => {
        await page.goto(`/search?q=${enc(Q)}`);
        const sort = page.getByRole('navigation', { name: '排序' });
        await follow(sort.getByRole('link', { name: '最新' }), 'sort=newest');
        assert.equal(await sort.locator('strong').textContent(), '最新');
        const newest = await texts(page.locator('.hits time'));
        assert.ok(newest.length >= 2);
        assert.deepEqual(newest, [...newest].sort().reverse());
        await checkPage('search-newest');

        await follow(sort.getByRole('link', { name: '最早' }), 'sort=oldest');
        assert.equal(await sort.locator('strong').textContent(), '最早');
        const oldest = await texts(page.locator('.hits time'));
        assert.deepEqual(oldest, [...oldest].sort());
        assert.notDeepEqual(oldest, newest);
      });

      test('pagination with per_page=5', async () => {
        const { total } = await api('/api/search');
        const pages = Math.ceil(total / 5);
        assert.ok(pages >= 3);
        await page.goto('/search?per_page=5');
        const seen = [];
        for (let n = 1; n <= pages; n++) {
          const nav = page.getByRole('navigation', { name: '分页' });
          assert.match(await nav.textContent(), new RegExp(`第\\s*${n}\\s*/\\s*${pages}\\s*页`));
          const titles = await texts(page.locator('.hits a.title'));
          assert.equal(titles.length, n < pages ? 5 : total - 5 * (pages - 1));
          seen.push(...titles);
          assert.equal(await nav.getByRole('link', { name: '上一页' }).count(), n > 1 ? 1 : 0);
          if (n === 2) await checkPage('search-page2');
          if (n < pages) await follow(nav.getByRole('link', { name: '下一页' }), `page=${n + 1}`);
          else assert.equal(await nav.getByRole('link', { name: '下一页' }).count(), 0);
          assert.ok(page.url().includes('per_page=5'), page.url());
        }
        assert.equal(new Set(seen).size, total, 'every article exactly once across pages');
      });

      test('offers compared: table, chart, filters, and the sentence each row comes from', async () => {
        await page.goto('/offers');
        const { rows } = await api('/api/offers');
        assert.ok(rows.length >= 5, `${rows.length} rows`);
        assert.equal(await page.locator('.offers-table tbody tr').count(), rows.length);
        const bars = await page.locator('.chart svg rect').count();
        assert.equal(bars, Math.min(30, rows.filter((r) => r.value !== null).length));
        assert.deepEqual(
          await texts(page.locator('.offers-table tbody tr td:nth-child(1)')),
          rows.map((r) => [...new Set([r.province, r.city, r.county].filter(Boolean))].join(' ')),
        );
        await checkPage('offers');

        await page.locator('select[name=kind]').selectOption('安家补贴');
        await page.locator('select[name=degree]').selectOption('博士');
        await follow(page.getByRole('button', { name: '对比' }), `kind=${enc('安家补贴')}`);
        const narrowed = await api(`/api/offers?kind=${enc('安家补贴')}&degree=${enc('博士')}`);
        assert.equal(await page.locator('.offers-table tbody tr').count(), narrowed.rows.length);
        for (const kind of await texts(page.locator('.offers-table tbody tr td:nth-child(2)'))) assert.equal(kind, '安家补贴');
        await checkPage('offers-filtered');

        const sort = page.getByRole('navigation', { name: '排序' });
        await follow(sort.getByRole('link', { name: '按地区' }), 'sort=region');
        const places = await texts(page.locator('.offers-table tbody tr td:nth-child(1)'));
        assert.deepEqual(places, [...places].sort());

        const link = page.locator('.offers-table tbody tr td a').first();
        const href = await link.getAttribute('href');
        assert.match(href, /^\/articles\/\w+#offer-\d+$/);
        await follow(link, '#offer-');
        const target = page.locator(href.slice(href.indexOf('#')));
        assert.equal(await target.count(), 1, 'the sentence is in the page');
        assert.ok((await target.textContent()).includes('安家'), 'the sentence states it');
        assert.ok((await page.locator('.offers[aria-label=政策要点] li').count()) >= 1);
        await checkPage('offers-sentence');
      });

      test('open an article from the results', async () => {
        await page.goto(`/search?q=${enc(Q)}`);
        const first = page.locator('.hits a.title').first();
        const title = (await first.textContent()).trim();
        await follow(first, '/articles/');
        assert.equal((await page.locator('main h1').textContent()).trim(), title);
        assert.ok((await page.title()).startsWith(title));
        assert.ok((await page.locator('.article .body p').count()) > 0);
        assert.ok((await page.locator('.article .body mark').count()) > 0, 'query highlighted in the article');
        assert.equal(await page.getByRole('navigation', { name: '地区' }).getByRole('link').first().textContent(), '首页');
        await checkPage('article-from-search');
      });

      test('简/繁 switch', async () => {
        const id = await articleId('打造创新人才高地 引领高质量发展');
        await page.goto(`/articles/${id}`);
        const tools = page.locator('.tools');
        assert.equal(await tools.locator('strong').textContent(), '原文');
        await checkPage('article');
        await follow(tools.getByRole('link', { name: '繁', exact: true }), 'script=hant');
        assert.equal(await page.locator('main h1').textContent(), '打造創新人才高地 引領高質量發展');
        assert.equal(await page.locator('article').getAttribute('lang'), 'zh-Hant');
        assert.equal(await tools.locator('strong').textContent(), '繁');
        await checkPage('article-hant');
        await follow(tools.getByRole('link', { name: '简', exact: true }), 'script=hans');
        assert.equal(await page.locator('main h1').textContent(), '打造创新人才高地 引领高质量发展');
        assert.ok(!(await page.locator('.article .body').textContent()).includes('創新'));

        const traditional = await articleId('浦東：打造自主創新發展的時代標杆');
        await page.goto(`/articles/${traditional}?script=hans`);
        assert.equal(await page.locator('main h1').textContent(), '浦东：打造自主创新发展的时代标杆');
        await checkPage('article-hans');
      });

      test('permalink link', async () => {
        const id = await articleId('打造创新人才高地 引领高质量发展');
        await page.goto(`/articles/${id}?script=hant`);
        const link = page.locator('a.permalink');
        assert.equal(await link.textContent(), '永久链接');
        if (js) {
          await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
          await link.click();
          await page.locator('a.permalink', { hasText: '已复制链接' }).waitFor();
          assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${server.origin}/articles/${id}`);
          assert.ok(page.url().endsWith('?script=hant'), 'stays on the page');
        } else {
          await follow(link, `/articles/${id}`);
          assert.equal(page.url(), `${server.origin}/articles/${id}`);
        }
      });

      test('the / key focuses the search box', async () => {
        await page.goto('/');
        await page.keyboard.press('/');
        const focused = await page.evaluate(() => document.activeElement?.id ?? '');
        if (!js) {
          assert.notEqual(focused, 'q');
          return;
        }
        assert.equal(focused, 'q');
        const box = page.getByRole('searchbox', { name: '搜索' });
        assert.equal(await box.inputValue(), '');
        await page.keyboard.type('a/b');
        assert.equal(await box.inputValue(), 'a/b', '/ is typed normally inside the box');
      });

      test('region page', async () => {
        const res = await page.goto('/regions/山西省/阳泉市');
        assert.equal(res.status(), 200);
        assert.equal(await page.locator('main h1').textContent(), '山西省 · 阳泉市');
        const { total } = await api(`/api/search?province=${enc('山西省')}&city=${enc('阳泉市')}`);
        assert.ok(total > 0);
        assert.equal(await summaryCount(page), total);
        for (const meta of await texts(page.locator('.hits .meta'))) assert.ok(meta.includes('阳泉市'), meta);
        const dates = await texts(page.locator('.hits time'));
        assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');
        await checkPage('region');
      });

      test('year page', async () => {
        const res = await page.goto('/years/2023');
        assert.equal(res.status(), 200);
        assert.equal(await page.locator('main h1').textContent(), '2023年');
        const { total } = await api('/api/search?year=2023');
        assert.ok(total > 0);
        assert.equal(await summaryCount(page), total);
        const dates = await texts(page.locator('.hits time'));
        assert.equal(dates.length, total);
        assert.ok(dates.every((d) => d.startsWith('2023-')), `${dates}`);
        await checkPage('year');
      });

      test('404 page', async () => {
        for (const path of ['/no-such-page', '/articles/doesnotexist', '/regions/不存在省']) {
          const res = await page.goto(path);
          assert.equal(res.status(), 404, path);
          assert.equal(await page.locator('main h1').textContent(), '404');
        }
        await checkPage('not-found');
        const box = page.getByRole('searchbox', { name: '搜索' });
        await box.fill('创新');
        await follow(() => box.press('Enter'), `/search?q=${enc('创新')}`);
        assert.ok((await summaryCount(page)) > 0);
      });

      test('visible keyboard focus', async () => {
        await page.goto('/');
        await page.keyboard.press('Tab');
        const style = await page.evaluate(() => {
          const cs = getComputedStyle(document.activeElement);
          return { tag: document.activeElement.tagName, outline: cs.outlineStyle, widthPx: parseFloat(cs.outlineWidth) };
        });
        assert.equal(style.tag, 'A');
        assert.notEqual(style.outline, 'none');
        assert.ok(style.widthPx >= 2, `outline ${style.widthPx}px`);
      });
    });
  }
}

function contrastReport(selectors) {
  const parse = (c) => (c.match(/[\d.]+/g) ?? []).map(Number);
  const lum = ([r, g, b]) => {
    const ch = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
  };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || c[3] > 0) return c;
    }
    return [255, 255, 255];
  };
  const out = [];
  for (const sel of selectors) {
    for (const el of [...document.querySelectorAll(sel)].slice(0, 5)) {
      if (!el.textContent.trim() || !el.getClientRects().length) continue;
      const [l1, l2] = [lum(parse(getComputedStyle(el).color)), lum(background(el))].sort((a, b) => b - a);
      out.push({ sel, text: el.textContent.trim().slice(0, 12), ratio: (l1 + 0.05) / (l2 + 0.05) });
    }
  }
  return out;
}

describe('colours, dark mode and print', () => {
  let browser;
  let page;
  let articleUrl;
  before(async () => {
    browser = await openBrowser({ width: 390, js: true, origin: server.origin });
    page = browser.page;
    articleUrl = `/articles/${await articleId('打造创新人才高地 引领高质量发展')}`;
  });
  after(async () => {
    await browser?.close();
  });

  const TEXT = ['main p', 'main a', '.meta', '.count', 'mark', '.snippet', 'form.search button', 'form.search input',
    '.tools strong', '.breadcrumb', '.provenance', 'footer.site p', 'footer.site a', '.brand span'];

  for (const colorScheme of ['light', 'dark']) {
    test(`WCAG AA text contrast, ${colorScheme}`, async () => {
      await page.emulateMedia({ colorScheme, media: 'screen' });
      for (const url of [`/search?q=${enc(Q)}&province=${enc('山西省')}`, articleUrl]) {
        await page.goto(url);
        const report = await page.evaluate(contrastReport, TEXT);
        assert.ok(report.length > 10, `${url}: checked ${report.length} elements`);
        const low = report.filter((r) => r.ratio < 4.5);
        assert.deepEqual(low, [], `${url}: contrast below 4.5:1`);
      }
    });
  }

  test('dark mode follows prefers-color-scheme', async () => {
    await page.emulateMedia({ colorScheme: 'dark', media: 'screen' });
    for (const [name, url] of [['search', `/search?q=${enc(Q)}`], ['article', articleUrl]]) {
      await page.goto(url);
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
      assert.ok(dark);
      assert.ok(bg.match(/\d+/g).slice(0, 3).every((v) => Number(v) < 60), `body background ${bg}`);
      await page.screenshot({ path: join(SHOTS, `${name}-dark-390.png`), fullPage: true });
    }
  });

  test('print stylesheet hides navigation and keeps the article', async () => {
    await page.emulateMedia({ colorScheme: 'light', media: 'print' });
    await page.goto(articleUrl);
    for (const sel of ['header.site', 'footer.site', '.tools', '.related', 'form.search']) {
      assert.equal(await page.locator(sel).isVisible(), false, `${sel} printed`);
    }
    assert.ok(await page.locator('.article h1').isVisible());
    assert.ok(await page.locator('.article .body p').first().isVisible());
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.match(bg, /rgb\(255, 255, 255\)|rgba\(0, 0, 0, 0\)/);
    await page.emulateMedia({ media: 'screen' });
  });
});
