// The vankien search page: plain JavaScript, no build step. Every piece of text that comes from
// the archive is put into the page with textContent / text nodes, never parsed as HTML.
'use strict';

(function () {
  const KIND_NAMES = {
    NQ: 'Nghị quyết', KL: 'Kết luận', CT: 'Chỉ thị', QĐ: 'Quyết định', QĐi: 'Quy định',
    TB: 'Thông báo', HD: 'Hướng dẫn', NĐ: 'Nghị định', TT: 'Thông tư', L: 'Luật',
    CV: 'Công văn', TTr: 'Tờ trình', BC: 'Báo cáo', QC: 'Quy chế', CTr: 'Chương trình',
    KH: 'Kế hoạch', article: 'Bài viết'
  };
  const FACET_NAMES = {
    kind: 'Loại văn bản', year: 'Năm', issuer: 'Cơ quan ban hành', term: 'Khóa', source: 'Nguồn'
  };
  // The API's facets are an object keyed by name (JSON keys have no order): shown in this one.
  const FACET_ORDER = Object.keys(FACET_NAMES);
  const FILTER_KEYS = ['type', 'from', 'to', 'issuer', 'term', 'source', 'sort'];
  const PAGE_SIZES = [10, 20, 50];
  const PAGE_SIZE = PAGE_SIZES[0];
  const facetCache = new Map();

  const $ = (id) => document.getElementById(id);
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();

  // ---- small DOM helpers (text only) ----------------------------------------------------------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === undefined || v === null || v === false) continue;
        if (k === 'text') node.textContent = v;
        else if (k === 'class') node.className = v;
        else node.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      node.append(typeof c === 'string' ? document.createTextNode(c) : c);
    }
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  // Counts as Vietnamese write them: 32.282.
  function num(n) { return Number(n || 0).toLocaleString('vi-VN'); }
  // ISO dates as dd/mm/yyyy (and yyyy-mm as mm/yyyy); anything else unchanged.
  function viDate(iso) {
    const s = String(iso || '');
    let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (m) return m[3] + '/' + m[2] + '/' + m[1];
    m = /^(\d{4})-(\d{2})$/.exec(s);
    return m ? m[2] + '/' + m[1] : s;
  }
  // A document key as people write it (search/display_key.h does the same for the CLI):
  // "21-NQ/TW@XIII" → "21-NQ/TW (khóa XIII)", "NQ/TW/HNTW4/XII" → "Nghị quyết Hội nghị Trung ương 4 (khóa XII)".
  function displayKey(key) {
    const k = String(key || '');
    const at = k.indexOf('@');
    if (at > 0) {
      const suffix = k.slice(at + 1);
      return k.slice(0, at) + (/^[IVXL]+$/.test(suffix) ? ' (khóa ' + suffix + ')' : ' (' + suffix + ')');
    }
    let m = /^([^/]+)\/[^/]+\/HNTW(\d+)(?:\/([IVXL]+))?$/.exec(k);
    if (m) return (KIND_NAMES[m[1]] || m[1]) + ' Hội nghị Trung ương ' + m[2] + (m[3] ? ' (khóa ' + m[3] + ')' : '');
    m = /^([^/]+)\/ĐH\/([IVXL]+)$/.exec(k);
    if (m) return (KIND_NAMES[m[1]] || m[1]) + ' Đại hội ' + m[2];
    return k;
  }
  // True when `params` hold a filter (a query may then be empty: browsing without words).
  function hasFilter(params) {
    return ['type', 'from', 'to', 'issuer', 'term', 'source', 'status'].some((k) => params.get(k));
  }
  function kindName(code) { return KIND_NAMES[code] || code; }
  // QĐ is both Quyết định and Quy định, TT both Thông tư and Thông tri: the title says which.
  function kindLabel(code, title) {
    const t = (title || '').normalize('NFC').toLowerCase();
    for (const noun of ['Quy định', 'Quyết định', 'Thông tư', 'Thông tri']) {
      if ((code === 'QĐ' || code === 'TT') && t.startsWith(noun.toLowerCase())) return noun;
    }
    return kindName(code);
  }

  // Byte ranges [b, e) of a UTF-8 string, as the API gives them, cut into pieces of the
  // JavaScript string: encode once, decode each slice (ranges fall on character boundaries).
  function splitByByteRanges(text, ranges) {
    const bytes = encoder.encode(text);
    const pieces = [];
    let pos = 0;
    for (const r of ranges) {
      const b = r.begin, e = r.end;
      if (!(b >= pos && e > b && e <= bytes.length)) continue;  // overlapping or out of range
      if (b > pos) pieces.push({ text: decoder.decode(bytes.subarray(pos, b)) });
      pieces.push({ text: decoder.decode(bytes.subarray(b, e)), range: r });
      pos = e;
    }
    if (pos < bytes.length) pieces.push({ text: decoder.decode(bytes.subarray(pos)) });
    return pieces;
  }

  function highlighted(snippet) {
    const p = el('p', { class: 'snippet' });
    const ranges = (snippet.highlights || []).map(([b, e]) => ({ begin: b, end: e }));
    for (const piece of splitByByteRanges(snippet.text || '', ranges)) {
      p.append(piece.range ? el('mark', { text: piece.text }) : document.createTextNode(piece.text));
    }
    return p;
  }

  // ---- routing: #/search?…, #/doc/<id>, #/ref/<symbol> -----------------------------------------
  function parseHash() {
    const h = location.hash.replace(/^#/, '') || '/';
    if (h.startsWith('/doc/')) return { view: 'doc', arg: decodeURIComponent(h.slice(5)) };
    if (h.startsWith('/ref/')) return { view: 'ref', arg: decodeURIComponent(h.slice(5)) };
    const qi = h.indexOf('?');
    const params = new URLSearchParams(qi >= 0 ? h.slice(qi + 1) : '');
    return { view: h.startsWith('/search') ? 'search' : 'home', params };
  }
  function searchHash(params) { return '#/search?' + params.toString(); }
  function docHash(id) { return '#/doc/' + encodeURIComponent(id); }
  function refHash(symbol) { return '#/ref/' + encodeURIComponent(symbol); }

  async function api(path) {
    const res = await fetch(path, { headers: { Accept: 'application/json' } });
    let body = null;
    try { body = await res.json(); } catch (e) { body = null; }
    if (!res.ok) {
      const msg = body && body.error ? body.error : 'Lỗi máy chủ (' + res.status + ')';
      throw new Error(msg);
    }
    return body;
  }

  function setStatus(text) { $('status').textContent = text; }
  function showError(err) {
    const view = $('view');
    clear(view);
    view.append(el('p', { class: 'error', role: 'alert', text: 'Không thực hiện được: ' + err.message }));
    setStatus('');
  }

  // ---- search form and filters ----------------------------------------------------------------
  function currentParams() {
    const route = parseHash();
    return route.view === 'search' ? new URLSearchParams(route.params) : new URLSearchParams();
  }

  function fillForm(params) {
    $('q').value = params.get('q') || '';
    $('f-type').value = params.get('type') || '';
    $('f-from').value = (params.get('from') || '').slice(0, 4);
    $('f-to').value = (params.get('to') || '').slice(0, 4);
    $('f-issuer').value = params.get('issuer') || '';
    $('f-term').value = params.get('term') || '';
    $('f-sort').value = params.get('sort') || 'relevance';
    statusSelect().value = params.get('status') || '';
    // A filter value from a facet may not be among the options: add it so it shows.
    for (const [id, key] of [['f-type', 'type'], ['f-issuer', 'issuer'], ['f-term', 'term']]) {
      const v = params.get(key);
      const select = $(id);
      if (v && select.value !== v) {
        select.append(el('option', { value: v, text: key === 'type' ? v.split(',').map(kindName).join(', ') : v }));
        select.value = v;
      }
    }
  }

  function paramsFromForm() {
    const p = new URLSearchParams();
    const q = $('q').value.trim();
    if (q) p.set('q', q);
    const type = $('f-type').value;
    if (type) p.set('type', type);
    const from = $('f-from').value.trim(), to = $('f-to').value.trim();
    if (/^\d{4}$/.test(from)) p.set('from', from);
    if (/^\d{4}$/.test(to)) p.set('to', to);
    if ($('f-issuer').value) p.set('issuer', $('f-issuer').value);
    if ($('f-term').value) p.set('term', $('f-term').value);
    if (statusSelect().value) p.set('status', statusSelect().value);
    if ($('f-sort').value && $('f-sort').value !== 'relevance') p.set('sort', $('f-sort').value);
    const source = currentParams().get('source');
    if (source) p.set('source', source);
    return p;
  }

  // ---- validity and lược đồ (issue 19) ---------------------------------------------------------
  const STATUS_NAMES = { 'in-force': 'Còn hiệu lực', replaced: 'Bị thay thế', repealed: 'Bị bãi bỏ',
    amended: 'Được sửa đổi, bổ sung', expired: 'Hết hiệu lực' };
  // What a relation is called from the stating document's side, and from its target's.
  const RELATION_NAMES = {
    based_on: ['Căn cứ', 'Là căn cứ của'], guides: ['Hướng dẫn, quy định chi tiết', 'Được hướng dẫn bởi'],
    implements: ['Triển khai, thực hiện', 'Được triển khai bởi'], amends: ['Sửa đổi, bổ sung', 'Bị sửa đổi, bổ sung bởi'],
    replaces: ['Thay thế', 'Bị thay thế bởi'], repeals: ['Bãi bỏ', 'Bị bãi bỏ bởi'],
    expires: ['Tuyên bố hết hiệu lực', 'Bị tuyên bố hết hiệu lực bởi'] };
  const RELATION_ORDER = ['based_on', 'guides', 'implements', 'amends', 'replaces', 'repeals', 'expires'];

  // The status filter: a select added next to the term filter (the page's HTML stays as it is).
  function statusSelect() {
    let select = $('f-status');
    if (select) return select;
    select = el('select', { id: 'f-status', name: 'status', 'aria-label': 'Hiệu lực' },
      el('option', { value: '', text: 'Mọi hiệu lực' }),
      ...Object.keys(STATUS_NAMES).map((k) => el('option', { value: k, text: STATUS_NAMES[k] })));
    const term = $('f-term');
    if (term && term.parentNode) term.parentNode.insertBefore(select, term.nextSibling);
    return select;
  }

  // One edge as a list item: a link to the document when the archive holds it, else to its
  // number's page; its date and the sentence that states the relation.
  function relationItem(e) {
    const name = e.symbol || e.title || e.id;
    const link = e.id ? el('a', { href: docHash(e.id), text: name }) : el('a', { href: refHash(e.symbol), text: name });
    const part = e.part === 'part' && e.articles && e.articles.length ? ' (Điều ' + e.articles.join(', ') + ')' : '';
    return el('li', null, link, part, e.date ? el('time', { datetime: e.date, text: ' — ' + e.date }) : null,
      e.sentence ? el('blockquote', { class: 'relation-sentence', text: e.sentence }) : null);
  }

  // The lược đồ of a document or number (the /api/doc or /api/ref JSON): its status with the
  // evidence, then each relation type both ways, newest first (the API's order).
  function relationsSection(d) {
    if (!d || d.status === null || d.status === undefined) return null;
    const section = el('section', { class: 'relations', 'aria-label': 'Lược đồ' });
    section.append(el('h2', { text: 'Hiệu lực và lược đồ' }));
    section.append(el('p', { class: 'status status-' + d.status },
      el('strong', { text: STATUS_NAMES[d.status] || d.status }), d.status_note ? ' — ' + d.status_note : ''));
    const dates = [];
    if (d.effective_from) dates.push('Hiệu lực từ: ' + d.effective_from);
    if (d.expires_on) dates.push('Hết hiệu lực: ' + d.expires_on);
    if (dates.length) section.append(el('p', { class: 'muted', text: dates.join('; ') }));
    for (const type of RELATION_ORDER) {
      for (const [list, side] of [[d.outgoing || [], 0], [d.incoming || [], 1]]) {
        const edges = list.filter((e) => e.type === type);
        if (!edges.length) continue;
        section.append(el('h3', { text: RELATION_NAMES[type][side] }));
        section.append(el('ul', { class: 'relation-list' }, ...edges.map(relationItem)));
      }
    }
    return section;
  }

  function submitSearch(ev) {
    ev.preventDefault();
    const p = paramsFromForm();
    if (!p.get('q') && !hasFilter(p)) { $('q').focus(); setStatus('Hãy nhập từ khóa hoặc chọn bộ lọc.'); return; }
    location.hash = searchHash(p);
  }

  // ---- views -----------------------------------------------------------------------------------
  function renderHome() {
    const view = $('view');
    clear(view);
    $('facets').hidden = true;
    view.append(
      el('h1', { text: 'Tra cứu văn kiện' }),
      el('p', { text: 'Gõ từ khóa có dấu hoặc không dấu ("xay dung dang" tìm được "xây dựng Đảng"), ' +
        'hoặc số hiệu văn bản như 21-NQ/TW, "KL 21/TW", "Nghị quyết Trung ương 4 khóa XII".' }));
    api('/api/stats').then((s) => {
      view.append(el('p', { class: 'muted', text: 'Kho hiện có ' + num(s.documents) + ' văn bản.' }));
    }).catch(() => {});
    setStatus('');
  }

  function badge(kind, title) {
    return kind ? el('span', { class: 'badge badge-' + (kind === 'article' ? 'article' : 'doc'), text: kindLabel(kind, title) }) : null;
  }

  // {kind: [{value, count}], year: [...], ...} → [{name, values}] in FACET_ORDER, then the rest.
  function facetList(facets) {
    const names = Object.keys(facets || {});
    const rank = (n) => (FACET_ORDER.indexOf(n) + 1) || FACET_ORDER.length + 1;
    names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    return names.map((name) => ({ name, values: facets[name] }));
  }

  function renderFacets(facets, params) {
    const box = $('facets');
    clear(box);
    const nonEmpty = facetList(facets).filter((f) => Array.isArray(f.values) && f.values.length);
    box.hidden = nonEmpty.length === 0;
    if (!nonEmpty.length) return;
    box.append(el('h2', { text: 'Lọc nhanh' }));
    if (hasFilter(params)) {
      const all = new URLSearchParams();
      if (params.get('q')) all.set('q', params.get('q'));
      if (params.get('sort')) all.set('sort', params.get('sort'));
      box.append(el('a', { href: searchHash(all), class: 'clear-all', id: 'clear-all', text: 'Bỏ tất cả bộ lọc' }));
    }
    for (const f of nonEmpty) {
      const list = el('ul', { class: 'facet-list' });
      // Types combine (type=NQ,KL: either); a year, issuer or term is one at a time. A selected
      // value's link takes it away again.
      const types = (params.get('type') || '').split(',').filter(Boolean);
      for (const v of f.values.slice(0, 12)) {
        const next = new URLSearchParams(params);
        next.delete('page');
        let selected;
        if (f.name === 'kind') {
          selected = types.includes(v.value);
          const chosen = selected ? types.filter((t) => t !== v.value) : types.concat([v.value]);
          if (chosen.length) next.set('type', chosen.join(',')); else next.delete('type');
        } else if (f.name === 'year') {
          selected = params.get('from') === v.value && params.get('to') === v.value;
          if (selected) { next.delete('from'); next.delete('to'); } else { next.set('from', v.value); next.set('to', v.value); }
        } else {
          selected = params.get(f.name) === v.value;
          if (selected) next.delete(f.name); else next.set(f.name, v.value);
        }
        // A facet value stands for every document with that code: QĐ and TT cover two nouns.
        const both = { QĐ: 'Quyết định / Quy định', TT: 'Thông tư / Thông tri' };
        const label = f.name === 'kind' ? (both[v.value] || kindName(v.value)) : v.value;
        list.append(el('li', null, el('a', { href: searchHash(next), class: 'facet' + (selected ? ' selected' : ''),
          'data-facet': f.name, 'aria-pressed': selected ? 'true' : 'false' },
          el('span', { text: (selected ? '✓ ' : '') + label }), el('span', { class: 'count', text: num(v.count) }))));
      }
      box.append(el('section', { class: 'facet-group' }, el('h3', { text: FACET_NAMES[f.name] || f.name }), list));
    }
  }

  function activeFilters(params) {
    const chips = el('ul', { class: 'chips', 'aria-label': 'Bộ lọc đang dùng' });
    const labels = { type: 'Loại', from: 'Từ', to: 'Đến', issuer: 'Cơ quan', term: 'Khóa', source: 'Nguồn' };
    for (const key of Object.keys(labels)) {
      const v = params.get(key);
      if (!v) continue;
      const next = new URLSearchParams(params);
      next.delete(key);
      next.delete('page');
      chips.append(el('li', null, el('a', { href: searchHash(next), class: 'chip',
        'aria-label': 'Bỏ lọc ' + labels[key] + ' ' + v,
        text: labels[key] + ': ' + (key === 'type' ? v.split(',').map(kindName).join(', ') : v) + ' ×' })));
    }
    return chips.childNodes.length ? chips : null;
  }

  async function renderSearch(params) {
    fillForm(params);
    const q = params.get('q') || '';
    if (!q && !hasFilter(params)) return renderHome();
    const page = Math.max(1, parseInt(params.get('page') || '1', 10) || 1);
    const size = PAGE_SIZES.includes(parseInt(params.get('size'), 10)) ? parseInt(params.get('size'), 10) : PAGE_SIZE;
    const apiParams = new URLSearchParams();
    for (const k of ['q', ...FILTER_KEYS]) if (params.get(k)) apiParams.set(k, params.get(k));
    // Browsing without words: newest first unless another order was chosen.
    if (!q && !params.get('sort')) apiParams.set('sort', 'newest');
    // Facet counts depend on the query and filters, not on the page: ask for them once. The
    // answer with facets counts every match, so its total is exact: later pages keep it, and
    // the total stays the same from page to page.
    const facetKey = apiParams.toString();
    const cached = facetCache.get(facetKey);
    apiParams.set('page', String(page));
    apiParams.set('size', String(size));
    if (cached) apiParams.set('facets', '0');
    setStatus('Đang tìm…');
    const data = await api('/api/search?' + apiParams.toString());
    if (cached) {
      data.facets = cached.facets;
      data.total = cached.total;
      data.total_exact = cached.total_exact;
      data.pages = Math.max(1, Math.min(data.pages, Math.ceil(cached.total / size)));
    } else {
      facetCache.set(facetKey, { facets: data.facets || {}, total: data.total, total_exact: data.total_exact });
    }
    // Types are chosen together (either of them), so the type facet counts what the other
    // filters leave, without the type filter: otherwise only the chosen types would show.
    if (params.get('type')) {
      const others = new URLSearchParams(apiParams);
      others.delete('type');
      others.set('page', '1');
      others.set('size', '1');
      others.delete('facets');
      const key = 'kinds:' + others.toString();
      let kinds = facetCache.get(key);
      if (!kinds) {
        kinds = { facets: ((await api('/api/search?' + others.toString())).facets || {}) };
        facetCache.set(key, kinds);
      }
      data.facets = Object.assign({}, data.facets, { kind: kinds.facets.kind || [] });
    }
    if (facetCache.size > 50) facetCache.delete(facetCache.keys().next().value);
    const view = $('view');
    clear(view);
    renderFacets(data.facets, params);
    view.append(el('h1', { class: 'visually-hidden', text: 'Kết quả tìm kiếm' }));
    const chips = activeFilters(params);
    if (chips) view.append(chips);
    if (data.suggestion) {
      const next = new URLSearchParams(params);
      next.set('q', data.suggestion);
      next.delete('page');
      view.append(el('p', { class: 'suggestion' }, 'Có phải bạn muốn tìm: ',
        el('a', { href: searchHash(next), id: 'suggestion-link', text: data.suggestion }), '?'));
    }
    for (const n of data.notices || []) view.append(el('p', { class: 'notice', text: n }));
    const total = data.total || 0;
    const shown = (data.total_exact === false ? 'khoảng ' : '') + num(total);
    const what = q ? ' cho "' + q + '"' : ' theo bộ lọc';
    setStatus(total === 0 ? 'Không tìm thấy văn bản nào' + what + '.'
      : shown + ' kết quả' + what + ' — trang ' + num(data.page) + '/' + num(Math.max(1, data.pages)));
    const list = el('ol', { class: 'results', start: String((data.page - 1) * data.size + 1) });
    for (const h of data.hits) {
      const meta = el('p', { class: 'meta' }, badge(h.kind, h.title),
        h.symbol ? el('a', { class: 'symbol', href: refHash(h.symbol), text: h.symbol }) : null,
        h.date ? el('time', { datetime: h.date, text: viDate(h.date) }) : null,
        h.source && h.kind === 'article' ? el('span', { class: 'source', text: h.source }) : null);
      list.append(el('li', { class: 'hit' },
        el('h2', null, el('a', { href: docHash(h.id), class: 'hit-title', text: h.title || '(không có tiêu đề)' })),
        meta, highlighted(h.snippet || { text: '', highlights: [] })));
    }
    view.append(list);
    view.append(pagination(params, data, size));
  }

  // Previous / numbered pages (first, last and two around the current one) / next, and the
  // page size.
  function pagination(params, data, size) {
    const nav = el('nav', { class: 'pages', 'aria-label': 'Phân trang' });
    const go = (p) => { const n = new URLSearchParams(params); n.set('page', String(p)); return searchHash(n); };
    if (data.page > 1) nav.append(el('a', { href: go(data.page - 1), rel: 'prev', text: '← Trang trước' }));
    if (data.pages > 1) {
      const list = el('ol', { class: 'page-numbers' });
      let last = 0;
      for (let p = 1; p <= data.pages; p++) {
        if (p !== 1 && p !== data.pages && Math.abs(p - data.page) > 2) continue;
        if (p > last + 1) list.append(el('li', { class: 'gap', text: '…' }));
        list.append(el('li', null, p === data.page
          ? el('span', { class: 'current', 'aria-current': 'page', text: num(p) })
          : el('a', { href: go(p), class: 'page-number', text: num(p) })));
        last = p;
      }
      nav.append(list);
    }
    if (data.page < data.pages) nav.append(el('a', { href: go(data.page + 1), rel: 'next', id: 'next-page', text: 'Trang sau →' }));
    const select = el('select', { id: 'page-size', 'aria-label': 'Số kết quả mỗi trang' });
    for (const s of PAGE_SIZES) select.append(el('option', { value: String(s), text: s + ' / trang', selected: s === size }));
    select.addEventListener('change', () => {
      const n = new URLSearchParams(params);
      n.set('size', select.value);
      n.delete('page');
      location.hash = searchHash(n);
    });
    nav.append(select);
    return nav;
  }

  function metaList(rows) {
    const dl = el('dl', { class: 'doc-meta' });
    for (const [label, value] of rows) {
      if (value === undefined || value === null || value === '') continue;
      dl.append(el('dt', { text: label }), el('dd', null, value instanceof Node ? value : String(value)));
    }
    return dl;
  }

  async function renderDoc(id) {
    setStatus('Đang mở văn bản…');
    $('facets').hidden = true;
    const d = await api('/api/doc/' + encodeURIComponent(id));
    const view = $('view');
    clear(view);
    const back = el('a', { href: '#', class: 'back', text: '← Quay lại' });
    back.addEventListener('click', (ev) => { ev.preventDefault(); history.back(); });
    view.append(back);
    view.append(el('article', { class: 'doc' },
      el('h1', { text: d.title || '(không có tiêu đề)' }),
      metaList([
        ['Loại', d.kind ? kindName(d.kind) : ''],
        ['Số hiệu', d.symbol ? el('a', { href: refHash(d.symbol), text: d.symbol }) : ''],
        ['Ngày', viDate(d.date)], ['Cơ quan ban hành', d.issuer], ['Khóa', d.term],
        ['Hội nghị Trung ương', d.plenum], ['Trích yếu', d.subject], ['Người ký', d.signer],
        ['Nơi ban hành', d.place], ['Nguồn', d.source],
        ['Địa chỉ gốc', d.url ? el('a', { href: /^https?:\/\//i.test(d.url) ? d.url : '#', rel: 'noopener noreferrer', text: d.url }) : ''],
        ['Số văn bản được nhắc tới', d.refs && d.refs.length ? String(d.refs.length) : '']
      ]),
      relationsSection(d),
      docText(d.text || '', d.refs || [])));
    setStatus('Văn bản: ' + (d.title || d.id));
    $('main').focus();
  }

  // The full text with every document number in it linked to that number's page.
  function docText(text, refs) {
    const body = el('div', { class: 'doc-text' });
    const sorted = refs.slice().sort((a, b) => a.begin - b.begin);
    for (const piece of splitByByteRanges(text, sorted)) {
      if (piece.range) {
        body.append(el('a', { href: refHash(piece.range.symbol), class: 'ref',
          title: piece.range.symbol, text: piece.text }));
      } else {
        body.append(document.createTextNode(piece.text));
      }
    }
    return body;
  }

  async function renderRef(symbol) {
    setStatus('Đang tra số hiệu…');
    $('facets').hidden = true;
    const r = await api('/api/ref/' + encodeURIComponent(symbol));
    const view = $('view');
    clear(view);
    const shownKey = displayKey(r.key);
    view.append(el('h1', { class: 'ref-title', text: r.symbol + (r.key && shownKey !== r.symbol ? ' — ' + shownKey : '') }));
    const facts = el('section', { class: 'facts', 'aria-label': 'Thông tin văn bản' });
    if (!r.facts.length) facts.append(el('p', { class: 'muted', text: 'Số hiệu này chưa có trong danh mục văn bản.' }));
    for (const f of r.facts) {
      facts.append(metaList([
        ['Loại', f.kind], ['Số hiệu', f.symbol], ['Ngày ban hành', viDate(f.date)], ['Khóa', f.term],
        ['Hội nghị Trung ương', f.plenum], ['Cơ quan ban hành', f.issuer_name || f.issuer], ['Trích yếu', f.title]
      ]));
    }
    view.append(facts);
    const relations = relationsSection(r);
    if (relations) view.append(relations);
    view.append(el('h2', { text: 'Văn bản trong kho' }));
    if (!r.documents.length) {
      view.append(el('p', { class: 'muted', text: 'Kho chưa có toàn văn văn bản này.' }));
    } else {
      const ul = el('ul', { class: 'own-docs' });
      for (const d of r.documents) {
        ul.append(el('li', null, el('a', { href: docHash(d.id), text: d.title || d.id }), d.date ? ' — ' + viDate(d.date) : ''));
      }
      view.append(ul);
    }
    view.append(el('h2', { text: num(r.citing_documents) + ' văn bản trích dẫn' }));
    for (const g of r.groups) {
      const section = el('section', { class: 'cite-group' });
      section.append(el('h3', { text: g.key ? 'Trích dẫn là ' + displayKey(g.key) : 'Trích dẫn không nêu khóa hoặc năm' }));
      const ol = el('ol', { class: 'citations' });
      for (const c of g.citations) {
        ol.append(el('li', null,
          el('a', { href: docHash(c.id), class: 'cite-title', text: c.title || c.id }),
          c.date ? el('time', { datetime: c.date, text: ' ' + viDate(c.date) }) : null,
          el('blockquote', { text: c.context })));
      }
      section.append(ol);
      view.append(section);
    }
    setStatus('Số hiệu ' + r.symbol + ': ' + num(r.citing_documents) + ' văn bản trích dẫn.');
  }

  async function route() {
    const r = parseHash();
    try {
      if (r.view === 'doc') await renderDoc(r.arg);
      else if (r.view === 'ref') await renderRef(r.arg);
      else if (r.view === 'search') await renderSearch(r.params);
      else { fillForm(new URLSearchParams()); renderHome(); }
    } catch (err) {
      showError(err);
    }
    document.body.dataset.ready = 'true';
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('search-form').addEventListener('submit', submitSearch);
    $('filters').addEventListener('submit', (ev) => {
      ev.preventDefault();
      const p = paramsFromForm();
      if (!p.get('q') && !hasFilter(p)) { $('q').focus(); setStatus('Hãy nhập từ khóa hoặc chọn bộ lọc.'); return; }
      location.hash = searchHash(p);
    });
    $('clear-filters').addEventListener('click', () => {
      const q = $('q').value.trim();
      for (const id of ['f-type', 'f-from', 'f-to', 'f-issuer', 'f-term']) $(id).value = '';
      $('f-sort').value = 'relevance';
      location.hash = q ? searchHash(new URLSearchParams({ q })) : '#/';
    });
    document.addEventListener('keydown', (ev) => {
      const t = ev.target;
      const typing = t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA');
      if (ev.key === '/' && !typing) { ev.preventDefault(); $('q').focus(); $('q').select(); }
    });
    window.addEventListener('hashchange', () => { document.body.dataset.ready = 'false'; route(); });
    route();
  });
})();
