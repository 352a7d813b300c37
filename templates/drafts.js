// The drafts page (/vi/drafts, /en/drafts): sends the pasted report to POST /drafts, shows the
// text with every figure highlighted (placed, unplaced, approximate), the figures, the warnings,
// and the draft document as a table of fields a person corrects; "Save" sends the document as
// PUT /programmes/{id} with If-None-Match: * and shows the answer, each problem at its field.
// Plain DOM, no framework; text is only ever set as text, never as HTML.
'use strict';
(() => {
  const form = document.getElementById('draft-form');
  if (!form) return;
  const words = form.dataset;
  const lang = words.lang;
  const $ = (id) => document.getElementById(id);
  let draft = null;

  const element = (tag, text, attributes = {}) => {
    const el = document.createElement(tag);
    if (text !== undefined && text !== null) el.textContent = String(text);
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    return el;
  };
  const headers = (extra) => {
    const token = $('token').value.trim();
    return { 'Accept-Language': lang, ...(token ? { Authorization: `Bearer ${token}` } : {}), ...extra };
  };
  const problemText = (problem) => [problem.title, problem.detail].filter(Boolean).join(': ');

  /** The text with each figure's quote marked in one of three styles. */
  function highlight(text, figures) {
    const chars = Array.from(text);
    const box = $('text');
    box.replaceChildren();
    let at = 0;
    for (const f of [...figures].sort((a, b) => a.figure_start - b.figure_start)) {
      if (f.figure_start < at) continue;
      box.append(chars.slice(at, f.figure_start).join(''));
      const style = f.pointer === null ? 'unplaced' : f.qualifier !== 'exact' || f.estimate ? 'approximate' : 'placed';
      const mark = element('mark', chars.slice(f.figure_start, f.figure_end).join(''), { class: style, title: `${words[style]}${f.pointer ? ' · ' + f.pointer : ''}` });
      mark.append(element('span', ` (${words[style]})`, { class: 'sr-only' }));
      box.append(mark);
      at = f.figure_end;
    }
    box.append(chars.slice(at).join(''));
  }

  /** The fields of the objects a draft may leave null, so that a person can fill them in. */
  const SHAPES = {
    '/period': { start_year: null, end_year: null },
    '/legal_basis': { title: null, number: null, date: null, issuer: null, quote: null },
    '/reported/cost': { amount: null, quote: null },
    '/reported/schemes': { value: null, quote: null },
  };

  /** Every leaf of `value` with its JSON pointer, in document order. */
  function leaves(value, pointer = '', out = []) {
    const shaped = value === null || value === undefined ? SHAPES[pointer] : undefined;
    if (shaped) return leaves(shaped, pointer, out);
    if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) leaves(child, `${pointer}/${key}`, out);
    } else {
      out.push([pointer, value]);
    }
    return out;
  }

  /** The fields a count or a year: a number when saved. */
  const whole = /(\/scheme_count|\/start_year|\/end_year|^\/reported\/(schemes|tasks|schemes_registered)\/(value|min|max)|^\/reported\/schemes_by_scope\/\d+\/(value|min|max))$/;

  function showFields(document) {
    const body = $('fields');
    body.replaceChildren();
    for (const [pointer, value] of leaves(document)) {
      const row = element('tr', null, { 'data-pointer': pointer });
      const id = `field-${pointer.replace(/[^a-z0-9]/gi, '-')}`;
      const label = element('label', pointer, { for: id });
      const cell = element('td', null, { class: 'pointer' });
      cell.append(label);
      const input = element('input', null, { type: 'text', id, 'data-pointer': pointer, 'data-type': typeof value });
      input.value = value === null ? '' : String(value);
      const inputCell = element('td');
      inputCell.append(input);
      row.append(cell, inputCell);
      body.append(row);
    }
  }

  /** The document as the table has it now. */
  function edited() {
    const document = structuredClone(draft.document);
    for (const input of $('fields').querySelectorAll('input')) {
      const pointer = input.dataset.pointer;
      const text = input.value.trim();
      let value;
      if (input.dataset.type === 'boolean') value = text === 'true';
      else if (text === '') value = null;
      else if (input.dataset.type === 'number' || whole.test(pointer)) value = Number.isNaN(Number(text)) ? text : Number(text);
      else value = text;
      const keys = pointer.slice(1).split('/');
      let at = document;
      for (const key of keys.slice(0, -1)) {
        if (at[key] === null || at[key] === undefined) at[key] = {};
        at = at[key];
      }
      at[keys[keys.length - 1]] = value;
    }
    // An object a person left empty is absent again (null), as the draft had it.
    for (const pointer of Object.keys(SHAPES)) {
      const keys = pointer.slice(1).split('/');
      let parent = document;
      for (const key of keys.slice(0, -1)) parent = parent?.[key];
      const last = keys[keys.length - 1];
      if (parent && parent[last] && Object.values(parent[last]).every((v) => v === null)) {
        if (pointer.startsWith('/reported/')) delete parent[last];
        else parent[last] = null;
      }
    }
    return document;
  }

  function showDraft(text, result) {
    draft = result;
    highlight(text, result.figures);
    $('warnings').replaceChildren(...(result.warnings.length ? result.warnings : [words.none]).map((w) => element('li', w)));
    $('figures').replaceChildren(
      ...result.figures.map((f) => {
        const row = element('tr');
        const value = f.value ?? (f.min !== null ? `${f.min} – ${f.max}` : f.remainder ? '…' : '');
        const precision = [f.qualifier === 'exact' ? '' : words[`q${f.qualifier}`] ?? f.qualifier, f.estimate ? words.estimate : ''].filter(Boolean).join(', ');
        row.append(element('td', f.quote), element('td', precision ? `${value} (${precision})` : value, { class: 'n' }), element('td', f.pointer ?? '—', { class: 'pointer' }), element('td', f.reason ?? ''));
        return row;
      }),
    );
    showFields(result.document);
    $('answer').replaceChildren();
    $('result').hidden = false;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = $('report').value;
    $('status').textContent = '…';
    let response;
    try {
      response = await fetch('/drafts', { method: 'POST', headers: headers({ 'Content-Type': 'text/plain; charset=utf-8' }), body: text });
    } catch (error) {
      $('status').textContent = `${words.failed}: ${error.message}`;
      return;
    }
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      $('status').textContent = response.status === 401 ? words.needToken : `${response.status} ${problemText(body)}`;
      return;
    }
    $('status').textContent = '';
    // The offsets are into the text made NFC, as the server read it.
    showDraft(text.replace(/^\uFEFF/, '').normalize('NFC'), body);
  });

  $('save').addEventListener('click', async () => {
    const document = edited();
    const answer = $('answer');
    for (const row of $('fields').querySelectorAll('tr.problem')) row.classList.remove('problem');
    if (!document.id) {
      answer.replaceChildren(element('p', words.needId));
      $('field--id')?.focus();
      return;
    }
    let response;
    try {
      response = await fetch(`/programmes/${encodeURIComponent(document.id)}`, {
        method: 'PUT',
        headers: headers({ 'Content-Type': 'application/json', 'If-None-Match': '*' }),
        body: JSON.stringify(document),
      });
    } catch (error) {
      answer.replaceChildren(element('p', `${words.failed}: ${error.message}`));
      return;
    }
    const body = await response.json().catch(() => ({}));
    const list = element('ul', null, { class: 'notes' });
    if (response.ok) {
      answer.replaceChildren(element('p', `${response.status} ${words.saved}: ${body.programme_id} (ETag ${body.etag})`), list);
      for (const warning of body.warnings ?? []) list.append(element('li', warning));
      return;
    }
    answer.replaceChildren(element('p', `${response.status} ${words.failed}: ${problemText(body)}`), list);
    for (const error of body.errors ?? []) {
      list.append(element('li', error.pointer ? `${error.pointer}: ${error.detail}` : error.detail));
      const row = error.pointer && $('fields').querySelector(`tr[data-pointer="${CSS.escape(error.pointer)}"]`);
      if (row) row.classList.add('problem');
    }
  });
})();
