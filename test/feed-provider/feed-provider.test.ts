import { expect } from 'chai';
import '../../src/feed-provider/define.js';
import '../../src/group-finder/define.js';
import '../../src/resource-list/define.js';
import type { CivicFeed } from '../../src/feed-provider/feed-provider.js';
import { clearCachedFeeds } from '../../src/feed/feed-cache.js';
import { cleanup, fixture, jsonUrl } from '../helpers.js';
import { findByRole, findByText } from '../queries.js';

describe('<civic-feed>', () => {
  afterEach(() => {
    cleanup();
    clearCachedFeeds();
  });

  it('loads once and shares the feed with every widget inside it', async () => {
    const key = `provider-${Math.random()}`;
    const feed = fixture<CivicFeed>(`<civic-feed src="/test-api/flaky?fail=0&key=${key}">
      <civic-group-finder></civic-group-finder>
      <section><civic-resource-list></civic-resource-list></section>
    </civic-feed>`);
    await findByText(feed.querySelector('civic-group-finder')!, 'No groups');
    await findByText(feed.querySelector('civic-resource-list')!, 'No resources');
    const count = await (await fetch(`/test-api/count?route=flaky&key=${key}`)).json();
    expect(count).to.deep.equal({ count: 1 });
  });

  it('passes its error state to the widgets and fires civic-error once', async () => {
    let errors = 0;
    const listener = () => errors++;
    document.addEventListener('civic-error', listener);
    const feed = fixture(`<civic-feed src="/test-api/status?code=410&key=p"><civic-resource-list></civic-resource-list></civic-feed>`);
    const alert = await findByRole(feed.querySelector('civic-resource-list')!, 'alert');
    expect(alert.textContent).to.include('HTTP 410');
    document.removeEventListener('civic-error', listener);
    expect(errors).to.equal(1);
  });

  it('lets a widget with its own src ignore the provider', async () => {
    const own = { version: '1', groups: [{ id: 'g', name: 'Budget Watchers' }] };
    const feed = fixture(`<civic-feed src="/test-api/flaky?fail=0&key=p2"><civic-group-finder src="${jsonUrl(own)}"></civic-group-finder></civic-feed>`);
    await findByText(feed.querySelector('civic-group-finder')!, 'Budget Watchers');
  });

  it('shares a feed object given from JavaScript', async () => {
    const feed = fixture<CivicFeed>(`<civic-feed><civic-group-finder></civic-group-finder></civic-feed>`);
    feed.feed = { version: '1', events: [], resources: [], places: [], groups: [{ id: 'g', name: 'Transit Riders Data Collective' }] };
    await findByText(feed.querySelector('civic-group-finder')!, 'Transit Riders Data Collective');
  });
});
