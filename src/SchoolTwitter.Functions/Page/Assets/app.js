// The SLT page. No framework, nothing inline (the Content-Security-Policy allows scripts only from this app), and every
// piece of data goes into the page as text (textContent), never as HTML. Every change carries the page's own header, which
// the server requires (cross-site request forgery protection).
'use strict';

(() => {
  const PAGE_HEADER = 'X-SchoolTwitter-Page';
  const SIGN_IN = '/.auth/login/aad?post_login_redirect_uri=/api/page';
  const byId = (id) => document.getElementById(id);
  let me = null;

  /** Builds an element: h('p', {class: 'x'}, 'text', child). Attributes set to null, undefined or false are left out. */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'class') el.className = value;
      else if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
      else el.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return el;
  }

  /** Appends children to an element, leaving out null, undefined and false (Element.append would write "null"). */
  function add(parent, ...children) {
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      parent.append(child instanceof Node ? child : String(child));
    }
    return parent;
  }

  const external = (href, text) => h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, text);

  class PageError extends Error {
    constructor(message, problems) {
      super(message);
      this.problems = problems || [];
    }
  }

  /** Calls one of the page's routes (relative to /api/page). Throws PageError with the server's plain-English reason. */
  async function api(method, path, body, contentType) {
    const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
    if (method !== 'GET') init.headers[PAGE_HEADER] = '1';
    if (body !== undefined) {
      init.headers['Content-Type'] = contentType || 'application/json';
      init.body = contentType ? body : JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch('page/' + path, init);
    } catch {
      throw new PageError('The service could not be reached. Check the connection and try again.');
    }
    const type = response.headers.get('Content-Type') || '';
    const data = type.includes('json') ? await response.json() : null;
    if (response.status === 401) {
      signedOut();
      throw new PageError('You are not signed in. Sign in again to carry on.');
    }
    if (!response.ok) {
      const problems = data && data.errors ? Object.values(data.errors).flat() : [];
      throw new PageError(problems.length > 0 ? problems.join(' ') : (data && (data.detail || data.title)) || 'Something went wrong; please try again.', problems);
    }
    return data;
  }

  function say(message, isError) {
    const status = byId('status');
    status.replaceChildren(message instanceof Node ? message : document.createTextNode(message || ''));
    status.classList.toggle('error', Boolean(isError));
  }

  function signedOut() {
    say(h('span', null, 'You are not signed in. ', h('a', { href: SIGN_IN }, 'Sign in with your school Microsoft account')), true);
  }

  /** Runs an action from a button: disables it meanwhile, reports the outcome in the status area. */
  async function act(button, work) {
    button.disabled = true;
    try {
      await work();
    } catch (error) {
      say(error instanceof PageError ? error.message : 'Something went wrong; please try again.', true);
    } finally {
      button.disabled = false;
    }
  }

  let fieldCount = 0;
  /** A labelled form field; returns [wrapper, control]. */
  function field(label, control, hint) {
    const id = 'f' + (++fieldCount);
    control.id = id;
    const hintId = hint ? id + '-hint' : null;
    if (hintId) control.setAttribute('aria-describedby', hintId);
    return [h('div', null, h('label', { for: id }, label, hint ? h('span', { class: 'hint', id: hintId }, hint) : null), control), control];
  }

  const when = (label, value) => (value ? h('p', { class: 'meta' }, label, ' ', value) : null);

  // ---------------------------------------------------------------- Drafts
  async function drafts(body) {
    const data = await api('GET', 'drafts');
    const refresh = h('button', { type: 'button', class: 'secondary', onclick: () => show('drafts') }, 'Refresh the list');
    add(body, h('p', { class: 'intro' }, 'Every draft still on its way, and those of the last 60 days, newest first. The text is shown exactly as it will appear on X.'), h('div', { class: 'actions' }, refresh));
    if (data.drafts.length === 0) {
      add(body, h('p', null, 'There are no drafts yet.'));
      return;
    }
    add(body, h('ul', { class: 'cards' }, data.drafts.map(draftCard)));
  }

  function draftCard(d) {
    const card = h('li', { class: 'card', id: `item-${d.id}`, tabindex: '-1' });
    add(card, 
      h('p', { class: 'state ' + d.tone }, d.state),
      h('p', { class: 'tweet' }, d.text),
      d.pictures > 0 ? h('p', { class: 'meta' }, d.pictures === 1 ? 'With 1 picture.' : `With ${d.pictures} pictures.`) : null,
      h('p', { class: 'meta' }, 'Sent by ', d.mine ? 'you' : d.submittedBy, ' on ', d.submittedOn, '.'),
      when('To be posted on', d.postAt),
      d.approvedBy ? h('p', { class: 'meta' }, 'Approved by ', d.approvedBy, ' on ', d.approvedOn, '.') : null,
      d.tweetUrl ? h('p', null, external(d.tweetUrl, 'See the tweet on X')) : null,
      d.problem ? h('p', { class: 'meta' }, 'What went wrong: ', d.problem) : null);
    if (d.findings.length > 0) {
      add(card, h('h3', null, d.findings.length === 1 ? 'What the check found' : `What the check found (${d.findings.length})`),
        h('ul', { class: 'findings' }, d.findings.map((f) => h('li', null,
          h('span', { class: f.blocks ? 'finding-blocks' : 'finding-warns' }, f.seriousness, ': '), f.message,
          h('br'), h('span', { class: 'meta' }, 'Why it matters: ', f.explanation),
          f.suggestion && !f.message.includes(f.suggestion) ? [h('br'), h('span', null, 'Suggestion: ', f.suggestion)] : null))));
    }
    const actions = h('div', { class: 'actions' });
    if (d.canApprove) {
      const approve = h('button', { type: 'button' }, 'Approve: I accept these warnings');
      approve.addEventListener('click', () => act(approve, async () => {
        const result = await api('POST', `drafts/${d.id}/approval`);
        say(result.message);
        await show('drafts', true);
      }));
      add(actions, approve);
    } else if (d.whyNotApprove) {
      add(card, h('p', { class: 'meta' }, d.whyNotApprove));
    }
    if (d.canCancel) add(actions, cancelControl(d));
    const history = h('button', { type: 'button', class: 'secondary', onclick: () => { auditDraft = d.id; location.hash = '#audit'; } }, 'See its history');
    add(actions, history);
    add(card, actions);
    return card;
  }

  function cancelControl(d) {
    const wrapper = h('div');
    const start = h('button', { type: 'button', class: 'secondary' }, 'Cancel this draft…');
    start.addEventListener('click', () => {
      const [reasonField, reason] = field('Why are you cancelling it?', h('input', { type: 'text', maxlength: 500 }), 'Recorded in the audit log.');
      const confirm = h('button', { type: 'button', class: 'danger' }, 'Cancel it: do not post');
      confirm.addEventListener('click', () => act(confirm, async () => {
        const result = await api('POST', `drafts/${d.id}/cancellation`, { reason: reason.value });
        say(result.message);
        await show('drafts', true);
      }));
      wrapper.replaceChildren(reasonField, h('div', { class: 'actions' }, confirm));
      reason.focus();
    });
    add(wrapper, start);
    return wrapper;
  }

  // ---------------------------------------------------------------- Followers, replies and mentions
  function person(item) {
    const initial = h('span', { class: 'initial', 'aria-hidden': 'true' }, (item.name || item.handle || '?').replace('@', '').charAt(0).toUpperCase());
    let picture = initial;
    if (item.picture) {
      picture = h('img', { class: 'picture', src: item.picture, alt: `Profile picture of ${item.handle || item.name}`, width: 56, height: 56 });
      picture.addEventListener('error', () => picture.replaceWith(initial)); // offline or removed: show the initial instead
    }
    return h('div', { class: 'person' }, picture, h('div', null,
      h('h3', null, item.name || item.handle || 'An account'),
      h('p', { class: 'meta' }, item.handle ? item.handle + ' · ' : '', external(item.profileLink, 'Open the profile on X'))));
  }

  function decided(item) {
    return [
      h('p', { class: 'state ' + (item.confirmed ? 'good' : 'attention') }, item.decision),
      h('p', { class: 'meta' }, 'Decided by ', item.decidedBy, ' on ', item.decidedOn, '. Why: ', item.why),
      item.confirmed ? h('p', { class: 'meta' }, 'Confirmed on ', item.confirmedOn, '.') : null,
    ];
  }

  function steps(item, title) {
    if (!item.steps || item.steps.length === 0) return null;
    return [h('h4', null, title), h('ol', { class: 'steps' }, item.steps.map((s) => h('li', null, s)))];
  }

  function decisionForm(item, keepLabel, blockLabel, reload) {
    const form = h('form', { novalidate: true });
    const name = 'decision-' + item.id;
    const keep = h('input', { type: 'radio', name, value: 'keep', id: name + '-keep' });
    const block = h('input', { type: 'radio', name, value: 'block', id: name + '-block' });
    const [reasonField, reason] = field('Why? (recorded in the audit log with your name)', h('textarea', { maxlength: 1000, required: true }));
    const submit = h('button', { type: 'submit' }, 'Record the decision');
    add(form, h('fieldset', null, h('legend', null, 'Your decision'),
      h('div', null, keep, h('label', { for: keep.id, class: 'inline' }, keepLabel)),
      h('div', null, block, h('label', { for: block.id, class: 'inline' }, blockLabel)),
      reasonField, h('div', { class: 'actions' }, submit)));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const choice = form.querySelector(`input[name="${name}"]:checked`);
      if (!choice) {
        say('Choose what to do first.', true);
        keep.focus();
        return;
      }
      act(submit, async () => {
        const result = await api('POST', `review/${encodeURIComponent(item.id)}/decision`, { decision: choice.value, reason: reason.value });
        say(result.message);
        await reload();
      });
    });
    return form;
  }

  async function followers(body) {
    const data = await api('GET', 'followers');
    add(body, h('p', { class: 'intro' }, 'New followers the weekly check flagged, with its reasons. Keep or block each one; blocking mutes the account at once and shows the steps to block and report it in the X app.'));
    if (data.followers.length === 0) {
      add(body, h('p', null, 'Nothing is waiting: no follower needs a decision.'));
      return;
    }
    add(body, h('ul', { class: 'cards' }, data.followers.map((f) => h('li', { class: 'card' },
      person(f),
      h('p', { class: 'state ' + (f.pending ? 'attention' : 'waiting') }, f.pending ? f.suggestion : 'Decided'),
      h('ul', null, f.reasons.map((r) => h('li', null, r))),
      h('p', { class: 'meta' }, `Flagged on ${f.flaggedOn}. Followers: ${f.followersCount}. Following: ${f.followingCount}.`),
      f.pending ? decisionForm(f, 'Keep: the account may follow the school', 'Block: mute now, then block and report in the X app', () => show('followers', true)) : decided(f),
      steps(f, 'In the X app, signed in as the school:')))));
  }

  async function moderation(body) {
    const data = await api('GET', 'moderation');
    add(body, h('p', { class: 'intro' }, 'Replies and mentions the moderation check found offensive. An offensive reply is hidden from the conversation and its author muted at once; report it to X with the link, and note here if you also reported it to an outside authority.'));
    if (data.posts.length === 0) {
      add(body, h('p', null, 'Nothing has been flagged.'));
      return;
    }
    add(body, h('ul', { class: 'cards' }, data.posts.map(({ item, incidents }) => {
      const card = h('li', { class: 'card' },
        h('h3', null, item.kind),
        h('p', { class: 'tweet' }, item.postText),
        h('ul', null, item.reasons.map((r) => h('li', null, r))),
        h('p', { class: 'meta' }, `Found on ${item.flaggedOn}.`),
        h('p', null, item.hidden ? 'Hidden from the conversation on X.' : 'Not hidden (X only lets the school hide replies to its own posts).',
          ' ', item.muted ? 'Its author is muted.' : 'Its author is not muted.'),
        h('p', null, external(item.postLink, 'Open the post on X to report it')),
        steps(item, 'To report it in the X app:'),
        item.pending ? decisionForm(item, 'Leave it: nothing more to do', 'Block the author: mute them, then block and report in the X app', () => show('moderation', true)) : decided(item));
      add(card, h('h4', null, 'Reported to an outside authority'));
      if (incidents.length === 0) add(card, h('p', { class: 'meta' }, 'Nothing noted.'));
      else add(card, h('ul', null, incidents.map((n) => h('li', null, `${n.on}: ${n.by} reported it to ${n.reportedTo}`, n.reference ? ` (reference ${n.reference})` : '', n.note ? `. ${n.note}` : ''))));
      add(card, incidentForm(item));
      return card;
    })));
  }

  function incidentForm(item) {
    const form = h('form', { novalidate: true });
    const [authorityField, authority] = field('Reported to', h('input', { type: 'text', maxlength: 200, required: true }), 'For example the police, or the local authority designated officer (LADO).');
    const [referenceField, reference] = field('Their reference (if any)', h('input', { type: 'text', maxlength: 100 }));
    const [noteField, note] = field('Note', h('textarea', { maxlength: 2000 }));
    const submit = h('button', { type: 'submit', class: 'secondary' }, 'Record the report');
    add(form, h('fieldset', null, h('legend', null, 'Note a serious incident'), authorityField, referenceField, noteField, h('div', { class: 'actions' }, submit)));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      act(submit, async () => {
        const result = await api('POST', `review/${encodeURIComponent(item.id)}/incident`, { authority: authority.value, reference: reference.value, note: note.value });
        say(result.message);
        await show('moderation', true);
      });
    });
    return form;
  }

  // ---------------------------------------------------------------- Follow policy
  async function followPolicy(body, askX) {
    const data = await api('GET', 'follow-policy' + (askX ? '?following=yes' : ''));
    add(body, h('p', { class: 'intro' }, 'The school follows only educational accounts. These are the accounts SLT approved, by category, and any the school follows that nobody approved.'));
    add(body, h('h3', null, 'Followed but not approved'));
    if (!data.asked) {
      const ask = h('button', { type: 'button', class: 'secondary' }, 'Check the accounts the school follows on X');
      ask.addEventListener('click', () => act(ask, async () => {
        const fresh = h('div', { id: 'section-body' });
        await followPolicy(fresh, true);
        byId('section-body').replaceWith(fresh);
      }));
      add(body, h('p', { class: 'meta' }, 'X charges for each account it lists (about a tenth of a penny each), so this is checked when you ask.'), ask);
    } else if (data.xProblem) add(body, h('p', null, data.xProblem));
    else if (data.unapproved.length === 0) add(body, h('p', null, 'None: every account the school follows is approved.'));
    else add(body, h('ul', null, data.unapproved.map((u) => h('li', null, external(u.link, `${u.name} (${u.handle})`), ': unfollow it in the X app, or approve it below.'))));
    add(body, h('h3', null, 'Approved accounts'));
    if (data.approved.length === 0) add(body, h('p', null, 'None yet.'));
    for (const group of data.approved) {
      add(body, h('h4', null, group.category.charAt(0).toUpperCase() + group.category.slice(1)),
        h('ul', null, group.accounts.map((a) => h('li', null, external(a.link, a.handle), a.note ? ` — ${a.note}` : '', h('span', { class: 'meta' }, ` (approved by ${a.addedBy} on ${a.addedOn})`)))));
    }
    const form = h('form', { novalidate: true });
    const [handleField, handle] = field('X username', h('input', { type: 'text', maxlength: 16, autocomplete: 'off' }), 'For example @CalderdaleCouncil.');
    const [categoryField, category] = field('Category', h('select', null, data.categories.map((c) => h('option', { value: c }, c))));
    const [noteField, note] = field('Why it is educational', h('input', { type: 'text', maxlength: 500 }));
    const submit = h('button', { type: 'submit' }, 'Approve the account');
    add(form, h('fieldset', null, h('legend', null, 'Approve an account'), handleField, categoryField, noteField, h('div', { class: 'actions' }, submit)));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      act(submit, async () => {
        const result = await api('POST', 'follow-policy', { handle: handle.value, category: category.value, note: note.value });
        say(result.message);
        await show('follow-policy', true);
      });
    });
    add(body, form);
  }

  // ---------------------------------------------------------------- Credentials
  async function credentials(body) {
    const data = await api('GET', 'credentials');
    add(body, 
      h('p', { class: 'state ' + (data.overdue ? 'stopped' : data.due ? 'attention' : 'good') }, data.summary),
      h('p', null, data.term, data.nextTerm ? `. ${data.nextTerm}.` : '.'),
      data.why ? h('p', null, data.why) : null,
      data.headTeacherTold ? h('p', null, 'The head teacher has been told it is overdue.') : null,
      h('h3', null, 'What to do'),
      h('ol', { class: 'steps' }, data.checklist.map((c) => h('li', null, c))));
    if (data.vaultProblem) add(body, h('p', null, data.vaultProblem));
    else if (data.secrets.length > 0) {
      add(body, h('div', { class: 'table-wrap' }, h('table', null,
        h('caption', { class: 'meta' }, 'The credentials now in use (their values are never shown)'),
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Credential'), h('th', { scope: 'col' }, 'State'), h('th', { scope: 'col' }, 'Last changed'), h('th', { scope: 'col' }, 'Expires'))),
        h('tbody', null, data.secrets.map((s) => h('tr', null, h('td', null, s.what), h('td', null, s.state), h('td', null, s.changed || '—'), h('td', null, s.expires || '—')))))));
    }
    const form = h('form', { novalidate: true, autocomplete: 'off' });
    const inputs = {};
    const fields = [['consumerKey', 'API key'], ['consumerSecret', 'API key secret'], ['accessToken', 'Access token'], ['accessTokenSecret', 'Access token secret']].map(([name, label]) => {
      const [wrapper, input] = field(label, h('input', { type: 'password', name, autocomplete: 'off', spellcheck: 'false', maxlength: 200 }));
      inputs[name] = input;
      return wrapper;
    });
    const submit = h('button', { type: 'submit' }, 'Submit the new credentials');
    add(form, h('fieldset', null, h('legend', null, 'The new credentials from the X developer console'), fields,
      h('p', { class: 'hint' }, 'They are checked with X, then stored in the key vault. Nobody can see them here afterwards, you included.'),
      h('div', { class: 'actions' }, submit)));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const values = Object.fromEntries(Object.entries(inputs).map(([k, input]) => [k, input.value]));
      form.reset(); // never left on screen, whatever the answer
      act(submit, async () => {
        const result = await api('POST', 'credentials', values);
        await show('credentials', true);
        say(result.message);
      });
    });
    add(body, form);
  }

  // ---------------------------------------------------------------- Roster
  async function roster(body) {
    const counts = await api('GET', 'roster');
    add(body, h('p', { class: 'intro' }, 'The pupil list the check uses to spot pupils named or pictured without photo consent. Names are never shown here.'),
      h('ul', { class: 'counts' },
        h('li', null, h('strong', null, String(counts.pupils)), 'pupils'),
        h('li', null, h('strong', null, String(counts.withPhotoConsent)), 'with photo consent'),
        h('li', null, h('strong', null, String(counts.withoutPhotoConsent)), 'without photo consent'),
        h('li', null, h('strong', null, String(counts.adults)), 'staff and governors')));
    uploadCsv(body, { path: 'roster', label: 'The MIS export', legend: 'Upload a new roster', button: 'Upload and replace the roster',
      hint: 'A CSV file with the columns Id, FirstName, LastName, PhotoConsent. It replaces the whole list, but only if every line is right.',
      problems: 'Problems in the file' });
    // The staff and governors list: their names in a draft are adults', not pupils'.
    uploadCsv(body, { path: 'staff', label: 'The staff and governors list', legend: 'Upload a new staff list', button: 'Upload and replace the staff list',
      hint: 'A CSV file with the columns Title, FirstName, LastName, Role (Title and Role may be left out). It replaces the whole list, but only if every line is right.',
      problems: 'Problems in the staff list' });
  }

  /** A CSV file replacing a whole list (PUT page/{path}): the answer's message, and its problems by line when nothing was replaced. */
  function uploadCsv(body, { path, label, legend, button, hint, problems }) {
    const form = h('form', { novalidate: true });
    const [fileField, file] = field(label, h('input', { type: 'file', accept: '.csv,text/csv' }), hint);
    const submit = h('button', { type: 'submit' }, button);
    const outcome = h('div', { id: `${path}-outcome` });
    add(form, h('fieldset', null, h('legend', null, legend), fileField, h('div', { class: 'actions' }, submit)));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (file.files.length === 0) {
        say('Choose the CSV file first.', true);
        file.focus();
        return;
      }
      act(submit, async () => {
        const result = await api('PUT', path, await file.files[0].text(), 'text/csv');
        if (result.replaced) {
          await show('roster', true);
          say(result.message);
        } else {
          say(result.message, true);
          outcome.replaceChildren(h('h3', null, problems), h('ul', null, result.problems.map((p) => h('li', { class: 'field-error' }, p))));
        }
      });
    });
    add(body, form, outcome);
  }

  // ---------------------------------------------------------------- Protection: a child who must no longer be seen
  const TRIGGERS = { consentWithdrawn: 'Photo consent withdrawn in the roster', leftRoster: 'Left the roster', mustNotBeSeen: 'Marked by SLT: must not be seen' };
  const CASE_STATES = { awaitingConfirmation: 'Waiting for an SLT member to confirm the take-down', takingDown: 'Taking the posts down now', complete: 'Finished' };
  const POST_STATES = { pending: 'Still on X', removed: 'Removed', alreadyGone: 'Already gone', notRemoved: 'Could not be removed: delete it in the X app' };

  async function protection(body) {
    add(body, h('p', { class: 'intro' }, 'When a pupil must no longer be seen (consent withdrawn, a placement, a court order), every post that pictured or named them is found, drafts that would are held back at once, and one confirmation takes the posts down. The reason is kept in the audit log only; it never appears on a card or here.'));
    const form = h('form', { novalidate: true });
    const [idField, pupil] = field('The pupil\'s roster id', h('input', { type: 'text', autocomplete: 'off' }), 'As in the MIS export, such as C7001. Never the name.');
    const [reasonField, reason] = field('Why (kept in the audit log only)', h('textarea', { rows: '3', maxlength: '2000' }));
    const submit = h('button', { type: 'submit' }, 'Hold back and find their posts');
    add(form, h('fieldset', null, h('legend', null, 'Mark a pupil as must not be seen'), idField, reasonField, h('div', { class: 'actions' }, submit)));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!pupil.value.trim()) { say('Give the pupil\'s roster id first.', true); pupil.focus(); return; }
      act(submit, async () => {
        const opened = await api('POST', `pupils/${encodeURIComponent(pupil.value.trim())}/protection`, { reason: reason.value });
        await show('protection', true);
        say(`Pupil ${opened.pupilInitials}: ${opened.posts.length} live posts found, ${opened.heldBackDrafts.length} drafts held back.`);
      });
    });
    add(body, form);

    const cases = await api('GET', 'protection');
    add(body, h('h3', null, 'Cases'));
    if (cases.length === 0) add(body, h('p', null, 'No pupil has been marked yet.'));
    for (const summary of cases) {
      const c = await api('GET', `protection/${encodeURIComponent(summary.id)}`);
      const card = h('section', { class: 'card', id: `item-${c.id}`, tabindex: '-1' },
        h('h4', null, `Pupil ${c.pupilInitials} (${c.pupilId})`),
        h('p', null, `${TRIGGERS[c.trigger] || c.trigger}. ${CASE_STATES[c.status] || c.status}.`),
        h('p', null, `${c.heldBackDrafts.length} drafts held back; ${c.removed} posts removed, ${c.alreadyGone} already gone, ${c.pending} still on X, ${c.notRemoved} could not be removed.`),
        h('ul', null, c.posts.map((post) => h('li', null, h('a', { href: post.link, rel: 'noopener noreferrer', target: '_blank' }, post.reason === 'pictured' ? 'A post that pictured them' : 'A post that named them'), ` — ${POST_STATES[post.state] || post.state}`))));
      if (c.status !== 'complete' && c.pending > 0) {
        const confirm = h('button', { type: 'button' }, `Take down all ${c.pending} posts`);
        confirm.addEventListener('click', () => act(confirm, async () => {
          const report = await api('POST', `protection/${encodeURIComponent(c.id)}/confirmation`, {});
          await show('protection', true);
          say(report.status === 'complete' ? `Done: ${report.removed + report.alreadyGone} posts are off X; ${report.notRemoved} must be deleted by hand.` : 'Under way: X limits how fast posts can be deleted, so the rest follow automatically.');
        }));
        add(card, h('div', { class: 'actions' }, confirm));
      }
      add(body, card);
    }

    add(body, h('h3', null, 'The account\'s past posts'));
    const estimate = h('button', { type: 'button', class: 'secondary' }, 'What would checking every past post cost?');
    const answer = h('div');
    estimate.addEventListener('click', () => act(estimate, async () => {
      const cost = await api('GET', 'history-audit');
      answer.replaceChildren(h('p', null, `${cost.postsToRead} of ${cost.postsOnAccount} posts can be read: ${cost.cost}.`),
        h('p', null, h('a', { href: 'page/history-audit?confirm=true&format=html', target: '_blank', rel: 'noopener' }, 'Check them against today\'s code of conduct (opens the report)'),
          ' · ', h('a', { href: 'page/history-audit?confirm=true&format=csv' }, 'the same as a spreadsheet (CSV)')));
    }));
    add(body, h('div', { class: 'actions' }, estimate), answer);
  }

  // ---------------------------------------------------------------- SLT members
  async function members(body) {
    const data = await api('GET', 'members');
    add(body, h('p', { class: 'intro' }, 'Who may use the school account, and the date each signed the council\'s Social Media User Agreement (policy 6.1). Nobody can submit or approve a draft until their signed agreement is recorded here.'));
    const rows = data.members.map((m) => {
      const cells = [h('td', null, m.name), h('td', null, m.email), h('td', null, m.signed || h('strong', null, 'Not signed: cannot submit or approve'))];
      if (data.mayChange) {
        const [dateField, date] = field(`Date ${m.name} signed`, h('input', { type: 'date', value: m.signedOn || '' }));
        const save = h('button', { type: 'button', class: 'secondary' }, 'Save the date');
        save.addEventListener('click', () => act(save, async () => {
          const result = await api('PUT', `members/${encodeURIComponent(m.email)}/agreement`, { signedOn: date.value });
          await show('members', true);
          say(result.message + ` ${m.name}'s agreement date is saved.`);
        }));
        cells.push(h('td', null, dateField, save));
      }
      return h('tr', null, cells);
    });
    add(body, h('div', { class: 'table-wrap' }, h('table', null,
      h('caption', { class: 'meta' }, 'SLT members and their Social Media User Agreement'),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'E-mail'), h('th', { scope: 'col' }, 'Agreement signed'), data.mayChange ? h('th', { scope: 'col' }, 'Record the date') : null)),
      h('tbody', null, rows))));
    if (!data.mayChange) {
      add(body, h('p', { class: 'meta' }, 'Only SLT managers (given the role by the school\'s IT) can change this list.'));
      return;
    }
    const form = h('form', { novalidate: true });
    const [emailField, email] = field('School e-mail address', h('input', { type: 'email', autocomplete: 'off' }));
    const [nameField, name] = field('Name', h('input', { type: 'text', maxlength: 200 }));
    const [signedField, signed] = field('Date they signed the agreement', h('input', { type: 'date' }), 'Leave empty if they have not signed yet.');
    const submit = h('button', { type: 'submit' }, 'Add to the SLT list');
    add(form, h('fieldset', null, h('legend', null, 'Add a member'), emailField, nameField, signedField, h('div', { class: 'actions' }, submit)));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      act(submit, async () => {
        const result = await api('PUT', `members/${encodeURIComponent(email.value.trim())}`, { name: name.value, signedOn: signed.value });
        await show('members', true);
        say(result.message);
      });
    });
    add(body, form);
  }

  // ---------------------------------------------------------------- Audit
  let auditDraft = '';
  async function audit(body) {
    const form = h('form', { novalidate: true });
    const [draftField, draft] = field('Draft reference', h('input', { type: 'text', value: auditDraft, autocomplete: 'off' }), 'Filled in when you choose "See its history" on a draft.');
    const [personField, personInput] = field('Person', h('input', { type: 'text', autocomplete: 'off' }), 'Part of their e-mail address, or "system".');
    const [fromField, from] = field('From', h('input', { type: 'date' }));
    const [toField, to] = field('To', h('input', { type: 'date' }));
    const submit = h('button', { type: 'submit' }, 'Search');
    const download = h('a', { href: 'page/audit/export', download: '' }, 'Download these entries as a spreadsheet (CSV)');
    const results = h('div');
    add(form, h('fieldset', null, h('legend', null, 'Search the audit log'), draftField, personField, fromField, toField, h('div', { class: 'actions' }, submit)));
    const query = () => new URLSearchParams(Object.entries({ draft: draft.value.trim(), person: personInput.value.trim(), from: from.value, to: to.value }).filter(([, v]) => v)).toString();
    const search = () => act(submit, async () => {
      const q = query();
      const data = await api('GET', 'audit' + (q ? '?' + q : ''));
      download.setAttribute('href', 'page/audit/export' + (q ? '?' + q : ''));
      results.replaceChildren(
        h('p', null, `${data.entries.length} entries from ${data.from} to ${data.to}, newest first.`, data.truncated ? ' There are more: narrow the search.' : ''),
        h('p', null, download),
        data.entries.length === 0 ? null : h('div', { class: 'table-wrap' }, h('table', null,
          h('caption', { class: 'meta' }, 'Audit entries'),
          h('thead', null, h('tr', null, ['When', 'Who', 'What', 'About', 'Outcome', 'Detail'].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', null, data.entries.map((e) => h('tr', null, h('td', null, e.when), h('td', null, e.who), h('td', null, e.what), h('td', null, e.about), h('td', null, e.outcome), h('td', null, e.detail || '')))))));
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      search();
    });
    add(body, h('p', { class: 'intro' }, 'Everything the service did and everyone who asked it to: submissions, checks, approvals, posts, refusals, decisions, credential changes.'), form, results);
    auditDraft = '';
    await search();
  }

  // ---------------------------------------------------------------- Sections
  const sections = {
    drafts: ['Drafts', drafts],
    followers: ['Followers', followers],
    moderation: ['Replies and mentions', moderation],
    'follow-policy': ['Follow policy', followPolicy],
    credentials: ['Credentials', credentials],
    roster: ['Roster', roster],
    protection: ['A child must not be seen', protection],
    members: ['SLT members', members],
    audit: ['Audit', audit],
  };

  /** Shows a section; keepStatus leaves the last message (after an action); moveFocus takes keyboard focus to its heading (a new section). */
  async function show(place, keepStatus, moveFocus) {
    // A card's button names a section and maybe an item in it: #drafts/<draft id>.
    const [name, item] = (place || '').split('/');
    const [title, render] = sections[name] || sections.drafts;
    const key = sections[name] ? name : 'drafts';
    for (const link of document.querySelectorAll('.sections a')) {
      if (link.getAttribute('href') === '#' + key) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    document.title = `${title} — School X account`;
    const heading = byId('section-title');
    heading.textContent = title;
    const body = h('div', { id: 'section-body', 'aria-busy': 'true' });
    byId('section-body').replaceWith(body);
    if (!keepStatus) say('');
    try {
      await render(body);
    } catch (error) {
      say(error instanceof PageError ? error.message : 'This section could not be loaded; please try again.', true);
    } finally {
      body.removeAttribute('aria-busy');
    }
    const target = item && document.getElementById(`item-${decodeURIComponent(item)}`);
    if (target) { target.scrollIntoView(); target.focus(); }
    else if (moveFocus) heading.focus();
  }

  async function start() {
    try {
      me = await api('GET', 'me');
    } catch (error) {
      say(error.message, true);
      return;
    }
    if (me.notice) {
      byId('notice').textContent = me.notice;
      byId('notice').hidden = false;
    }
    byId('who').replaceChildren('Signed in as ', me.name, ' · ', h('a', { href: '/.auth/logout?post_logout_redirect_uri=/api/page' }, 'Sign out'));
    window.addEventListener('hashchange', () => show(location.hash.slice(1), false, true));
    await show(location.hash.slice(1) || 'drafts');
    if (me.agreementMissing) say(me.agreementMissing, true);
  }

  document.addEventListener('DOMContentLoaded', start);
})();
